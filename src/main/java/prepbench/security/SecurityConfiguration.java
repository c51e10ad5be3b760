package prepbench.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

import prepbench.access.Permission;
import prepbench.access.Role;
import prepbench.entry.Text;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Two filter chains: the JSON API is stateless with HTTP Basic and answers ProblemDetail;
 * pages use form login with a session and CSRF protection. Only the login page, static
 * assets and the health check are anonymous. Who may reach what is read from
 * {@link Role}'s table of permissions, the same the modules check, and checked before any
 * body is read.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Those who prepare at the bench. */
    private static final String[] PREPARERS = Role.having(Permission.PREPARE);

    /** Those who enter weights by hand. */
    private static final String[] MANUAL = Role.having(Permission.ENTER_MANUAL_WEIGHT);

    /** Those who release formula locks. */
    private static final String[] LOCK_RELEASERS = Role.having(Permission.RELEASE_LOCK);

    /**
     * Those who change the catalogue (signing a release is checked by the catalogue
     * itself).
     */
    private static final String[] EDITORS = Role.having(Permission.EDIT_CATALOG);

    private static final String[] DIAGNOSERS = Role.having(Permission.DIAGNOSE);

    private static final String[] ACCOUNT_MANAGERS = Role.having(Permission.MANAGE_ACCOUNTS);

    private static final String[] AUDIT_REVIEWERS = Role.having(Permission.REVIEW_AUDIT);

    /** Those who record the results of tests after preparation. */
    private static final String[] TESTERS = Role.having(Permission.RECORD_TEST_RESULT);

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ProblemResponses problems, SignInThrottle throttle,
            TokenManagement tokens) throws Exception {
        // the API, and its description when a script asks for it with credentials (a
        // browser signed in to the
        // pages reads it, and Swagger UI, through its page session)
        http.securityMatcher(new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
                new AndRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/v3/api-docs/**"),
                        new RequestHeaderRequestMatcher("Authorization"))))
            .authorizeHttpRequests(requests -> requests.requestMatchers("/api/v1/diagnostics")
                .hasAnyRole(DIAGNOSERS)
                .requestMatchers("/api/v1/users", "/api/v1/users/**", "/api/v1/tokens", "/api/v1/tokens/**",
                        "/api/v1/stations", "/api/v1/stations/**")
                .hasAnyRole(ACCOUNT_MANAGERS)
                .requestMatchers(HttpMethod.POST, "/api/v1/samples/**")
                .hasAnyRole(TESTERS)
                .requestMatchers("/api/v1/audit/**")
                .hasAnyRole(AUDIT_REVIEWERS)
                // the role is checked before a body is read: a refused caller's body is
                // never parsed
                .requestMatchers(HttpMethod.POST, "/api/v1/preparations/*/steps/*/manual")
                .hasAnyRole(MANUAL)
                .requestMatchers(HttpMethod.POST, "/api/v1/preparations", "/api/v1/preparations/**",
                        "/api/v1/benches/**")
                .hasAnyRole(PREPARERS)
                .requestMatchers(HttpMethod.PUT, "/api/v1/benches/**")
                .hasAnyRole(PREPARERS)
                .requestMatchers(HttpMethod.POST, "/api/v1/formulas/*/release-lock")
                .hasAnyRole(LOCK_RELEASERS)
                .requestMatchers(HttpMethod.POST, "/api/v1/formulas", "/api/v1/formulas/**", "/api/v1/ingredients",
                        "/api/v1/ingredients/**")
                .hasAnyRole(EDITORS)
                .requestMatchers(HttpMethod.PUT, "/api/v1/formulas/**", "/api/v1/ingredients/**")
                .hasAnyRole(EDITORS)
                .requestMatchers(HttpMethod.DELETE, "/api/v1/formulas/**", "/api/v1/ingredients/**")
                .hasAnyRole(EDITORS)
                .anyRequest()
                .authenticated())
            .httpBasic(basic -> basic.authenticationEntryPoint(problems))
            .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            // no cookies are read on this chain, so there is no session a forged request
            // could ride on
            .csrf(csrf -> csrf.disable())
            .addFilterBefore(new BearerTokens(tokens, problems), BasicAuthenticationFilter.class)
            .addFilterBefore(throttle.filter(problems), BasicAuthenticationFilter.class)
            .addFilterAfter(new PasswordChangeRequired(problems), AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, ProblemResponses problems, ObjectProvider<SessionRegistry> sessions,
            SignInThrottle throttle) throws Exception {
        http.authorizeHttpRequests(requests -> requests
            .requestMatchers("/login", "/language", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error",
                    "/actuator/health", "/actuator/health/**")
            .permitAll()
            .requestMatchers("/actuator/**")
            .hasAnyRole(DIAGNOSERS)
            .requestMatchers("/diagnostics")
            .hasAnyRole(DIAGNOSERS)
            .requestMatchers("/admin/**")
            .hasAnyRole(ACCOUNT_MANAGERS)
            .requestMatchers(HttpMethod.POST, "/samples/**")
            .hasAnyRole(TESTERS)
            .requestMatchers("/audit", "/audit/**")
            .hasAnyRole(AUDIT_REVIEWERS)
            .requestMatchers(HttpMethod.POST, "/preparations/*/steps/*/manual")
            .hasAnyRole(MANUAL)
            .requestMatchers(HttpMethod.POST, "/preparations/**", "/benches/**")
            .hasAnyRole(PREPARERS)
            .requestMatchers(HttpMethod.GET, "/formulas/new", "/formulas/import", "/formulas/*/draft",
                    "/ingredients/new")
            .hasAnyRole(EDITORS)
            .requestMatchers(HttpMethod.POST, "/formulas", "/formulas/**", "/ingredients", "/ingredients/**")
            .hasAnyRole(EDITORS)
            .anyRequest()
            .authenticated())
            .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
            .exceptionHandling(errors -> errors.authenticationEntryPoint(new SignInEntryPoint()))
            .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
            // one instance registers its page sessions to end them; a cluster deletes
            // them
            // from the database instead (ClusterSessions): no registry look-up per
            // request
            .sessionManagement(session -> sessions.ifAvailable(
                    registry -> session.maximumSessions(-1).sessionRegistry(registry).expiredUrl("/login?ended")))
            .addFilterBefore(throttle.filter(problems), UsernamePasswordAuthenticationFilter.class)
            .addFilterAfter(new PasswordChangeRequired(problems), AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Sign-in checks the password first and the account's state (disabled, locked) after,
     * so a locked account answers like a wrong password, in about the same time; an
     * unknown username costs a hash check too.
     */
    @Bean
    DaoAuthenticationProvider authenticationProvider(AccountDetails accounts, PasswordEncoder passwords) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts::loadUserByUsername);
        provider.setPasswordEncoder(passwords);
        provider.setPreAuthenticationChecks(user -> {
        });
        provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return provider;
    }

    /**
     * The open page sessions of each account, so that disabling it (or changing its role)
     * ends them at once; in this instance's memory (with a cluster,
     * {@link ClusterSessions} keeps them in the database).
     */
    @Bean
    @ConditionalOnProperty(name = "prepbench.cluster.enabled", havingValue = "false", matchIfMissing = true)
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /**
     * Ends an account's page sessions through the registry: the next request lands on
     * /login?ended.
     */
    @Bean
    @ConditionalOnProperty(name = "prepbench.cluster.enabled", havingValue = "false", matchIfMissing = true)
    PageSessions registeredPageSessions(SessionRegistry registry) {
        // accounts are equal by name: the registry finds the signed-in one by this one
        return username -> registry.getAllSessions(
                org.springframework.security.core.userdetails.User.withUsername(username).password("-").build(), false)
            .forEach(session -> session.expireNow());
    }

    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /**
     * A request the firewall refuses (an encoded NUL, a "..", a malformed path) is
     * answered like every other bad request: a ProblemDetail from the API, the error page
     * otherwise.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
        return (request, response, rejected) -> {
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                problems.write(request, response, HttpStatus.BAD_REQUEST, Text.of("security.rejected-address"), null);
            }
            else {
                response.sendError(HttpStatus.BAD_REQUEST.value());
            }
        };
    }

}
