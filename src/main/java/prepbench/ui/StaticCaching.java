package prepbench.ui;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How long a browser keeps a stylesheet or a script: a year, without asking again, when
 * it was asked for at its fingerprinted address (the hash of its content in the name,
 * which changes with the content); otherwise it asks each time whether it changed (and
 * gets a 304 when not). Pages link the fingerprinted addresses
 * ({@link PageContext#asset}), so a scan opening a page in a new tab fetches nothing but
 * the page.
 */
@Component
class StaticCaching extends OncePerRequestFilter {

    static final String FOREVER = "public, max-age=31536000, immutable";

    private static final Pattern FINGERPRINTED = Pattern.compile("-[0-9a-f]{32}\\.[a-z]+$");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean fingerprinted = FINGERPRINTED.matcher(request.getRequestURI()).find();
        response.setHeader(HttpHeaders.CACHE_CONTROL, fingerprinted ? FOREVER : "no-cache");
        chain.doFilter(request, response);
    }

}
