package prepbench.security;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import prepbench.entry.Text;
import prepbench.entry.Words;

import tools.jackson.databind.json.JsonMapper;

/**
 * Answers the API's 401 and 403 as ProblemDetail, like every other API error, in the
 * request's language: the one the pages would speak (the application's
 * {@link LocaleResolver}: the account's choice, this browser's, else
 * {@code Accept-Language}), or {@code Accept-Language} alone where there is none.
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;

    private final ObjectProvider<LocaleResolver> languages;

    ProblemResponses(JsonMapper json, ObjectProvider<LocaleResolver> languages) {
        this.json = json;
        this.languages = languages;
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
                Text.of("security.sign-in", "HTTP Basic", "Authorization: Bearer …"));
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
        write(request, response, HttpStatus.FORBIDDEN, Text.of("error.not-allowed.message"), "NOT_PERMITTED");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, Text detail)
            throws IOException {
        write(request, response, status, detail, null);
    }

    /**
     * The words of the request's language. A request refused before it reached Spring MVC
     * (a filter's answer) asks the same resolver the pages ask; words never fail an
     * answer: without it, {@code Accept-Language}.
     */
    Words words(HttpServletRequest request) {
        Locale locale = request.getLocale();
        LocaleResolver resolver = languages.getIfAvailable();
        if (resolver != null) {
            try {
                locale = resolver.resolveLocale(request);
            }
            catch (RuntimeException unresolved) {
                // the account's choice could not be read (the database is away): the
                // browser's
            }
        }
        return Words.of(locale);
    }

    /**
     * Writes a ProblemDetail, its detail in the request's language; {@code reason}, when
     * given, is the code scripts rely on.
     */
    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, Text detail, String reason)
            throws IOException {
        Words words = words(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, words.text(detail));
        problem.setTitle(words.t("status." + status.value()));
        if (reason != null) {
            problem.setProperty("reason", reason);
        }
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

}
