package prepbench.security;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

/**
 * With several instances behind one load balancer ({@code prepbench.cluster.enabled}),
 * page sessions live in the database (Spring Session JDBC), so any instance serves any
 * request and no sticky sessions are needed; an account disabled on one instance ends its
 * sessions on all of them. Expired sessions are deleted every minute by each instance
 * (the same rows; doing it twice is harmless).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "prepbench.cluster.enabled", havingValue = "true")
@EnableJdbcHttpSession
class ClusterSessions {

    /** The page session's idle limit, as a single instance has it. */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> idleLimit(
            @Value("${prepbench.session.idle-minutes:30}") long idleMinutes) {
        return repository -> repository.setDefaultMaxInactiveInterval(Duration.ofMinutes(idleMinutes));
    }

    /**
     * Deletes the account's sessions from the database: the next request of each, on any
     * instance, finds none and is sent to sign in ({@code /login?timeout}: the page
     * cannot tell a deleted session from an expired one).
     */
    @Bean
    <S extends Session> PageSessions databasePageSessions(FindByIndexNameSessionRepository<S> sessions) {
        return username -> sessions.findByPrincipalName(username).keySet().forEach(sessions::deleteById);
    }

}
