package prepbench.security;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import prepbench.entry.Text;

/**
 * Wrong passwords per client address: after
 * {@code prepbench.login.max-failures-per-client} (30) in a minute, that client's
 * sign-ins (the sign-in form and HTTP Basic) are refused with 429 for the rest of the
 * minute, before any password is hashed, so a flood of bad credentials (known usernames
 * or not) cannot keep the CPU busy with bcrypt.
 */
@Component
class SignInThrottle {

    static final Duration WINDOW = Duration.ofMinutes(1);

    private final int maxFailures;

    private final Cache<String, AtomicInteger> failures = Caffeine.newBuilder()
        .expireAfterWrite(WINDOW)
        .maximumSize(100_000)
        .build();

    SignInThrottle(@Value("${prepbench.login.max-failures-per-client:30}") int maxFailures) {
        this.maxFailures = maxFailures;
    }

    void failed(String client) {
        if (client != null) {
            failures.asMap().computeIfAbsent(client, key -> new AtomicInteger()).incrementAndGet();
        }
    }

    boolean throttled(String client) {
        AtomicInteger count = client == null ? null : failures.getIfPresent(client);
        return maxFailures > 0 && count != null && count.get() >= maxFailures;
    }

    /**
     * The filter of a security chain: refuses a throttled client's credentials before
     * they are checked.
     */
    OncePerRequestFilter filter(ProblemResponses problems) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String authorization = request.getHeader("Authorization");
                boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
                boolean form = "POST".equals(request.getMethod())
                        && (request.getContextPath() + "/login").equals(request.getRequestURI());
                if ((basic || form) && throttled(request.getRemoteAddr())) {
                    response.setHeader("Retry-After", String.valueOf(WINDOW.toSeconds()));
                    if (basic) {
                        problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
                                Text.of("security.too-many-failures"), "TOO_MANY_FAILURES");
                    }
                    else {
                        response.setStatus(HttpStatus.SEE_OTHER.value());
                        response.setHeader("Location", request.getContextPath() + "/login?throttled");
                    }
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

}
