package prepbench.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.stereotype.Component;

import prepbench.formulas.SignatureVerifier;

/** An electronic signature is the signed-in user's own password, checked against its stored hash. */
@Component
class PasswordSignatures implements SignatureVerifier {

    private final JdbcUserDetailsManager users;
    private final PasswordEncoder passwords;

    PasswordSignatures(JdbcUserDetailsManager users, PasswordEncoder passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    @Override
    public boolean verify(String username, String password) {
        try {
            UserDetails user = users.loadUserByUsername(username);
            return user.isEnabled() && passwords.matches(password, user.getPassword());
        } catch (UsernameNotFoundException | IllegalArgumentException unknownOrOverlong) {
            return false;
        }
    }
}
