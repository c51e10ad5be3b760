package prepbench.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Answers the API's 401 and 403 as ProblemDetail, like every other API error. */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException authException) throws IOException {
        // a Basic challenge makes a browser prompt for a password and keep it for the
        // API: browsers get none
        if (!fromABrowser(request)) {
            response.addHeader("WWW-Authenticate", "Basic realm=\"PrepBench\"");
        }
        response.addHeader("WWW-Authenticate", "Bearer realm=\"PrepBench\"");
        write(request, response, HttpStatus.UNAUTHORIZED,
                "Sign in with HTTP Basic (the username and password of a PrepBench account) or with an API token "
                        + "(Authorization: Bearer …, from an admin). After repeated wrong passwords an account is "
                        + "locked for a while; an admin can unlock it.");
    }

    /**
     * A browser says where a request comes from ({@code Sec-Fetch-Mode}) or asks for a
     * page.
     */
    static boolean fromABrowser(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return request.getHeader("Sec-Fetch-Mode") != null || (accept != null && accept.contains("text/html"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException accessDeniedException) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "Your role does not allow this. Ask a lab lead or an admin "
                + "to do it, or to give your account the role it needs.", "NOT_PERMITTED");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        write(request, response, status, detail, null);
    }

    /**
     * Writes a ProblemDetail; {@code reason}, when given, is the code scripts rely on.
     */
    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail,
            String reason) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (reason != null) {
            problem.setProperty("reason", reason);
        }
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

}
