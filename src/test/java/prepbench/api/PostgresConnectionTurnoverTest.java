package prepbench.api;

import java.sql.Timestamp;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import prepbench.support.TestPostgres;

/**
 * Connection turnover on a real PostgreSQL server; this context's connections carry an
 * application name of their own.
 */
class PostgresConnectionTurnoverTest extends ConnectionTurnoverScenarios {

    private static final String APPLICATION = "prepbench-turnover-" + System.nanoTime();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry);
        registry.add("spring.datasource.hikari.data-source-properties.ApplicationName", () -> APPLICATION);
    }

    @Override
    int sessionsStartedBefore(Timestamp time) {
        return jdbc
            .sql("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = :application "
                    + "AND backend_start < :time")
            .param("application", APPLICATION)
            .param("time", time)
            .query(Integer.class)
            .single();
    }

}
