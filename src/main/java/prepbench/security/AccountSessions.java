package prepbench.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The signed-in page session after one's own password changed: it no longer carries the
 * temporary-password mark.
 */
@Component
public class AccountSessions {

    private final AccountDetails details;

    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    AccountSessions(AccountDetails details) {
        this.details = details;
    }

    /**
     * Reloads the signed-in account into this page session (its role and marks as stored
     * now).
     */
    public void refresh(HttpServletRequest request, HttpServletResponse response) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null) {
            return;
        }
        UserDetails user = details.loadUserByUsername(current.getName());
        UsernamePasswordAuthenticationToken refreshed = UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities());
        refreshed.setDetails(current.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(refreshed);
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
    }

    /**
     * Whether the signed-in account must change its temporary password before anything
     * else.
     */
    public static boolean passwordChangeRequired() {
        return PasswordChangeRequired.required(SecurityContextHolder.getContext().getAuthentication());
    }

}
