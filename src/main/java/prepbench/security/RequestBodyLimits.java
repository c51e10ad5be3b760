package prepbench.security;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
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
import prepbench.entry.Text;

/**
 * Bounds request bodies before anything reads them, ahead of the security filters (whose
 * CSRF check reads form parameters): before sign-in a form body is at most
 * {@value #MAX_FORM_BEFORE_SIGN_IN} bytes; a JSON body is at most {@value #MAX_JSON}
 * bytes except a formula import; a file upload (multipart) is only read for a lab lead or
 * an admin signed in. A JSON body sent without a length (chunked) is counted as it
 * arrives and refused past its limit; a form before sign-in must say its length (browsers
 * always do).
 */
@Configuration(proxyBeanMethods = false)
class RequestBodyLimits {

    static final long MAX_FORM_BEFORE_SIGN_IN = 64 * 1024;
    static final long MAX_JSON = 1024 * 1024;

    private static final Text JSON_TOO_LARGE = Text.of("security.json-too-large");

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
            boolean limitedJson = hasBody && (type.startsWith("application/json") || type.contains("+json"))
                    && !path.equals("/api/v1/formulas/import");
            if (limitedJson && length > MAX_JSON) {
                refuse(request, response, api, HttpStatus.CONTENT_TOO_LARGE, JSON_TOO_LARGE);
                return;
            }
            if (limitedJson && length < 0) {
                // a chunked body says nothing of its length: it is counted as it arrives,
                // never past the limit
                byte[] body = request.getInputStream().readNBytes((int) MAX_JSON + 1);
                if (body.length > MAX_JSON) {
                    refuse(request, response, api, HttpStatus.CONTENT_TOO_LARGE, JSON_TOO_LARGE);
                    return;
                }
                request = new CountedBody(request, body);
            }
            Authentication signedIn = signedIn(request);
            if (hasBody && (form || multipart) && signedIn == null && request.getHeader("Authorization") == null
                    && (length < 0 || length > MAX_FORM_BEFORE_SIGN_IN)) {
                refuse(request, response, api, HttpStatus.CONTENT_TOO_LARGE, Text.of("security.form-too-large"));
                return;
            }
            if (hasBody && multipart && !api && !mayUpload(signedIn)) {
                refuse(request, response, false, HttpStatus.FORBIDDEN, Text.of("security.upload-not-permitted"));
                return;
            }
            chain.doFilter(request, response);
        }

        /**
         * A request whose chunked body was read (and counted) here, handed on with its
         * length known.
         */
        private static final class CountedBody extends HttpServletRequestWrapper {

            private final byte[] body;

            CountedBody(HttpServletRequest request, byte[] body) {
                super(request);
                this.body = body;
            }

            @Override
            public int getContentLength() {
                return body.length;
            }

            @Override
            public long getContentLengthLong() {
                return body.length;
            }

            @Override
            public ServletInputStream getInputStream() {
                ByteArrayInputStream in = new ByteArrayInputStream(body);
                return new ServletInputStream() {
                    @Override
                    public int read() {
                        return in.read();
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) {
                        return in.read(buffer, offset, length);
                    }

                    @Override
                    public boolean isFinished() {
                        return in.available() == 0;
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    /** The whole body is already here: a reader is told so at once. */
                    @Override
                    public void setReadListener(ReadListener listener) {
                        try {
                            listener.onDataAvailable();
                            listener.onAllDataRead();
                        }
                        catch (IOException failed) {
                            listener.onError(failed);
                        }
                    }
                };
            }

            @Override
            public BufferedReader getReader() {
                Charset charset = StandardCharsets.UTF_8;
                try {
                    charset = getCharacterEncoding() == null ? charset : Charset.forName(getCharacterEncoding());
                }
                catch (IllegalArgumentException unknown) {
                    // an unknown charset reads as UTF-8, as JSON is
                }
                return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
            }

        }

        /**
         * The signed-in user of this request's page session, read without touching its
         * body.
         */
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
            return signedIn != null && Actor
                .withRoles(signedIn.getName(),
                        signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList())
                .may(Permission.EDIT_CATALOG);
        }

        private void refuse(HttpServletRequest request, HttpServletResponse response, boolean api, HttpStatus status,
                Text detail) throws IOException {
            response.setHeader("Connection", "close");
            if (api) {
                problems.write(request, response, status, detail, null);
            }
            else {
                response.sendError(status.value(), problems.words(request).text(detail));
            }
        }

    }

}
