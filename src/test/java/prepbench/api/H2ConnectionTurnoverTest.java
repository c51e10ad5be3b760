package prepbench.api;

import java.sql.Timestamp;

import org.springframework.test.context.TestPropertySource;

/**
 * Connection turnover on the embedded H2 database, as a file database with the embedded
 * default's options.
 */
@TestPropertySource(
        properties = "spring.datasource.url=jdbc:h2:file:${java.io.tmpdir}/prepbench-turnover-${random.uuid}"
                + "/prepbench;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0")
class H2ConnectionTurnoverTest extends ConnectionTurnoverScenarios {

    @Override
    int sessionsStartedBefore(Timestamp time) {
        return jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_START < :time")
            .param("time", time)
            .query(Integer.class)
            .single();
    }

}
