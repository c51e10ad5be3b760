package prepbench.security;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import prepbench.entry.Text;

/**
 * Signs an API request in with {@code Authorization: Bearer <token>}: the token's role is
 * its authority and {@code token:NAME} its name, under which everything it does is
 * recorded. An unknown or revoked token is answered 401 at once (never passed on to HTTP
 * Basic). A write (any method but GET, HEAD, OPTIONS) is recorded in the token's chain
 * with its answer's status, refusals included.
 */
class BearerTokens extends OncePerRequestFilter {

    private static final String BEARER = "bearer ";

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final TokenManagement tokens;

    private final ProblemResponses problems;

    BearerTokens(TokenManagement tokens, ProblemResponses problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiToken> token = tokens.authenticate(authorization.substring(BEARER.length()).strip());
        if (token.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"PrepBench\", error=\"invalid_token\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, Text.of("security.invalid-token"),
                    "INVALID_TOKEN");
            return;
        }
        ApiToken valid = token.get();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(valid.actorName(), null,
                List.of(new SimpleGrantedAuthority(valid.role().authority()))));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        }
        finally {
            if (!READS.contains(request.getMethod())) {
                tokens.recordWrite(valid, request.getMethod(), request.getRequestURI(), response.getStatus());
            }
        }
    }

}
