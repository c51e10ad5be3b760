package prepbench.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import prepbench.entry.Text;

/**
 * While an account's password is temporary, nothing but changing it is allowed: a page
 * goes to {@code /account} (303), an API request is refused with 403 and
 * {@code "reason":"PASSWORD_CHANGE_REQUIRED"} except {@code GET /api/v1/me} and
 * {@code POST /api/v1/me/password}. Part of each security filter chain, not a servlet
 * filter of its own.
 */
class PasswordChangeRequired extends OncePerRequestFilter {

    private static final Set<String> API_ALLOWED = Set.of("/api/v1/me", "/api/v1/me/password");

    private static final Set<String> PAGES_ALLOWED = Set.of("/account", "/account/password", "/logout", "/login",
            "/error");

    private final ProblemResponses problems;

    PasswordChangeRequired(ProblemResponses problems) {
        this.problems = problems;
    }

    static boolean required(Authentication authentication) {
        return authentication != null && authentication.getAuthorities()
            .stream()
            .anyMatch(authority -> AccountDetails.PASSWORD_CHANGE_REQUIRED.equals(authority.getAuthority()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!required(SecurityContextHolder.getContext().getAuthentication())) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            if (API_ALLOWED.contains(path)) {
                chain.doFilter(request, response);
            }
            else {
                problems.write(request, response, HttpStatus.FORBIDDEN,
                        Text.of("security.password-change-required",
                                "POST /api/v1/me/password {\"currentPassword\",\"newPassword\"}"),
                        "PASSWORD_CHANGE_REQUIRED");
            }
            return;
        }
        if (PAGES_ALLOWED.contains(path) || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/webjars/") || path.startsWith("/actuator/health")) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader("Location", request.getContextPath() + "/account?required");
    }

}
