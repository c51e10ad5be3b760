package prepbench.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts and audits sign-ins from Spring Security's events: form login and HTTP Basic
 * alike. A wrong password for an existing account counts towards its lock; a right
 * password for a locked or disabled account is refused and audited; a sign-in at a page
 * is audited. API requests carry their credentials every time, so an API request is not
 * audited as a sign-in, but its failures are.
 */
@Component
class SignInEvents {

    private final AccountManagement accounts;

    private final SignInThrottle throttle;

    SignInEvents(AccountManagement accounts, SignInThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent failure) {
        throttle.failed(from(failure.getAuthentication()));
        accounts.signInFailed(failure.getAuthentication().getName(), from(failure.getAuthentication()), "sign-in");
    }

    @EventListener
    void on(AuthenticationFailureLockedEvent locked) {
        accounts.signInRefused(locked.getAuthentication().getName(), from(locked.getAuthentication()), "locked");
    }

    @EventListener
    void on(AuthenticationFailureDisabledEvent disabled) {
        accounts.signInRefused(disabled.getAuthentication().getName(), from(disabled.getAuthentication()), "disabled");
    }

    @EventListener
    void on(AuthenticationSuccessEvent success) {
        if (success.getAuthentication().getPrincipal() instanceof AccountDetails.AccountUser user
                && user.failedAttempts() > 0) {
            accounts.signedIn(user.getUsername(), from(success.getAuthentication()), false, user.failedAttempts());
        }
    }

    @EventListener
    void on(InteractiveAuthenticationSuccessEvent success) {
        accounts.signedIn(success.getAuthentication().getName(), from(success.getAuthentication()), true, 0);
    }

    private static String from(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }

}
