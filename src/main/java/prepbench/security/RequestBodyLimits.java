package prepbench.security;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import prepbench.access.Actor;
import prepbench.access.Permission;

/**
 * Bounds request bodies before anything reads them, ahead of the security filters (whose CSRF check reads form
 * parameters): before sign-in a form body is at most {@value #MAX_FORM_BEFORE_SIGN_IN} bytes; a JSON body is at most
 * {@value #MAX_JSON} bytes except a formula import; a file upload (multipart) is only read for a lab lead or an admin
 * signed in. Bodies announce their length; one that does not (chunked) is refused where a limit applies.
 */
@Configuration(proxyBeanMethods = false)
class RequestBodyLimits {

    static final long MAX_FORM_BEFORE_SIGN_IN = 64 * 1024;
    static final long MAX_JSON = 1024 * 1024;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestBodyLimitsFilter(ProblemResponses problems) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Limits(problems));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }

    private static final class Limits extends OncePerRequestFilter {

        private final ProblemResponses problems;

        Limits(ProblemResponses problems) {
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
            long length = request.getContentLengthLong();
            String path = request.getRequestURI().substring(request.getContextPath().length());
            boolean api = path.startsWith("/api/");
            boolean hasBody = length > 0 || (length < 0 && request.getHeader("Transfer-Encoding") != null);
            boolean form = type.startsWith("application/x-www-form-urlencoded");
            boolean multipart = type.startsWith("multipart/");
            if (hasBody && (type.startsWith("application/json") || type.contains("+json"))
                    && !path.equals("/api/v1/formulas/import") && (length < 0 || length > MAX_JSON)) {
                refuse(request, response, api, HttpStatus.CONTENT_TOO_LARGE, "A JSON request body is at most 1 MB "
                        + "(a formula import excepted) and says how long it is.");
                return;
            }
            Authentication signedIn = signedIn(request);
            if (hasBody && (form || multipart) && signedIn == null && request.getHeader("Authorization") == null
                    && (length < 0 || length > MAX_FORM_BEFORE_SIGN_IN)) {
                refuse(request, response, api, HttpStatus.CONTENT_TOO_LARGE, "Sign in first: before sign-in a form "
                        + "is at most 64 KB.");
                return;
            }
            if (hasBody && multipart && !api && !mayUpload(signedIn)) {
                refuse(request, response, false, HttpStatus.FORBIDDEN, "Only lab leads and admins upload files.");
                return;
            }
            chain.doFilter(request, response);
        }

        /** The signed-in user of this request's page session, read without touching its body. */
        private static Authentication signedIn(HttpServletRequest request) {
            Authentication current = SecurityContextHolder.getContext().getAuthentication();
            if (current != null && current.isAuthenticated() && !"anonymousUser".equals(current.getPrincipal())) {
                return current;
            }
            HttpSession session = request.getSession(false);
            Object stored = session == null ? null
                    : session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            return stored instanceof SecurityContext context ? context.getAuthentication() : null;
        }

        private static boolean mayUpload(Authentication signedIn) {
            return signedIn != null && Actor.withRoles(signedIn.getName(), signedIn.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority).toList()).may(Permission.EDIT_CATALOG);
        }

        private void refuse(HttpServletRequest request, HttpServletResponse response, boolean api, HttpStatus status,
                String detail) throws IOException {
            response.setHeader("Connection", "close");
            if (api) {
                problems.write(request, response, status, detail, null);
            } else {
                response.sendError(status.value(), detail);
            }
        }
    }
}
