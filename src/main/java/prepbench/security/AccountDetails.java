package prepbench.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads an account for signing in: its hash, whether it is enabled or locked, its role,
 * and the mark {@value #PASSWORD_CHANGE_REQUIRED} while its password is temporary. Given
 * to the sign-in's {@code DaoAuthenticationProvider} only (not a
 * {@code UserDetailsService} bean of its own, which Spring Security would otherwise also
 * try to use).
 */
@Component
class AccountDetails {

    /**
     * An authority (not a role) held while the password is temporary: nothing but
     * changing it is allowed.
     */
    static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

    private final AccountManagement accounts;

    private final Clock clock;

    AccountDetails(AccountManagement accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * The signed-in person, with how many failed sign-ins preceded this one (so a success
     * can reset them).
     */
    static final class AccountUser extends User {

        private final int failedAttempts;

        AccountUser(String username, String password, boolean enabled, boolean unlocked,
                List<GrantedAuthority> authorities, int failedAttempts) {
            super(username, password, enabled, true, true, unlocked, authorities);
            this.failedAttempts = failedAttempts;
        }

        int failedAttempts() {
            return failedAttempts;
        }

        @Override
        public boolean equals(Object other) {
            return super.equals(other);
        }

        @Override
        public int hashCode() {
            return super.hashCode();
        }

    }

    UserDetails loadUserByUsername(String username) {
        var stored = accounts.credentials(username).orElseThrow(() -> new UsernameNotFoundException("No such account"));
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (stored.authority() != null) {
            authorities.add(new SimpleGrantedAuthority(stored.authority()));
        }
        if (stored.passwordChangeRequired()) {
            authorities.add(new SimpleGrantedAuthority(PASSWORD_CHANGE_REQUIRED));
        }
        boolean unlocked = stored.lockedUntil() == null || !stored.lockedUntil().isAfter(clock.instant());
        return new AccountUser(stored.username(), stored.hash(), stored.enabled(), unlocked, authorities,
                stored.failedAttempts());
    }

}
