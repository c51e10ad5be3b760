package prepbench.database;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code db} health (actuator and {@code /diagnostics}): UP only when the database
 * accepts a write. It inserts a row into {@code health_probe}, a table with a primary
 * key, NOT NULL and CHECK constraints like every table of PrepBench's, inside a
 * transaction that it rolls back, so nothing is kept. A database that answers
 * {@code SELECT 1} but refuses writes (H2 2.4.240 after its pool replaced the connection
 * that created the constraints) is DOWN, with what it said. The bean's name replaces
 * Spring Boot's connection-only check.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator {

    /**
     * A check that takes longer than this is a failure too: a lock or a full disk holds
     * writes up.
     */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final JdbcClient jdbc;

    private final TransactionTemplate rolledBack;

    private final DatabaseErrors errors;

    private final Clock clock;

    DatabaseHealth(JdbcClient jdbc, PlatformTransactionManager transactions, DatabaseErrors errors, Clock clock) {
        this.jdbc = jdbc;
        this.rolledBack = new TransactionTemplate(transactions);
        this.rolledBack.setTimeout((int) TIMEOUT.toSeconds());
        this.errors = errors;
        this.clock = clock;
    }

    @Override
    public Health health() {
        long started = System.nanoTime();
        Health.Builder health;
        try {
            rolledBack.executeWithoutResult(transaction -> {
                jdbc.sql("INSERT INTO health_probe (id, probe_state, checked_at) VALUES (:id, 'probing', :at)")
                    .param("id", ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE))
                    .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
                transaction.setRollbackOnly();
            });
            health = Health.up().withDetail("write", "accepted (rolled back)");
        }
        catch (RuntimeException refused) {
            errors.record("health check", refused);
            Throwable cause = DatabaseErrors.databaseCause(refused);
            health = Health.down()
                .withDetail("write", "refused: " + DatabaseErrors.describe(cause == null ? refused : cause));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("checkMs", Duration.ofNanos(System.nanoTime() - started).toMillis());
        details.put("errorsSinceStart", errors.count());
        errors.last().ifPresent(last -> {
            details.put("lastError", last.message());
            details.put("lastErrorAt", last.at().toString());
            details.put("lastErrorIn", last.where());
        });
        return health.withDetails(details).build();
    }

}
