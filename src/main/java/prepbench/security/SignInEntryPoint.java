package prepbench.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Sends a page request without a signed-in session to the sign-in page, saying why when
 * the browser's session has ended ({@code /login?timeout}). The page asked for is
 * remembered, and signing in goes back to it.
 */
class SignInEntryPoint extends LoginUrlAuthenticationEntryPoint {

    SignInEntryPoint() {
        super("/login");
    }

    @Override
    protected String determineUrlToUseForThisRequest(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) {
        boolean ended = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
        return ended ? "/login?timeout" : "/login";
    }

}
