package prepbench.sync;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Central's door for stations: {@code /api/v1/central/**} answers only a request that
 * carries a registered station's token ({@code Authorization: Bearer pbst1.…}); the token
 * opens nothing else, and no other credential opens this.
 */
@Configuration(proxyBeanMethods = false)
class StationSecurity {

    static final String STATION_ROLE = "ROLE_STATION";

    @Bean
    @Order(0)
    SecurityFilterChain stationChain(HttpSecurity http, Stations stations) throws Exception {
        http.securityMatcher("/api/v1/central/**")
            .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(STATION_ROLE))
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(csrf -> csrf.disable())
            .exceptionHandling(
                    errors -> errors.authenticationEntryPoint((request, response, refused) -> unauthorized(response))
                        .accessDeniedHandler((request, response, refused) -> unauthorized(response)))
            .addFilterBefore(new StationTokens(stations), BasicAuthenticationFilter.class);
        return http.build();
    }

    private static void unauthorized(HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader("WWW-Authenticate", "Bearer realm=\"PrepBench stations\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter()
            .write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"Only a station "
                    + "registered at this central, with its token, is answered here.\"}");
    }

    /** Signs a request in as the station whose token it carries. */
    static final class StationTokens extends OncePerRequestFilter {

        private final Stations stations;

        StationTokens(Stations stations) {
            this.stations = stations;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String authorization = request.getHeader("Authorization");
            if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
                stations.authenticate(authorization.substring("bearer ".length())).ifPresent(station -> {
                    SecurityContext context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(station, null,
                            List.of(new SimpleGrantedAuthority(STATION_ROLE))));
                    SecurityContextHolder.setContext(context);
                });
            }
            chain.doFilter(request, response);
        }

    }

}
