package prepbench.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A scheduled job runs on one instance at a time when several share the database
 * (ShedLock, issue 17): while another instance holds the audit checkpoint's lock, this
 * one skips its run; once the lock is free it runs, and holds the lock itself.
 */
@SpringBootTest(
        properties = { "prepbench.audit.checkpoint-minutes=60", "prepbench.audit.checkpoint-at-shutdown=false" })
class ScheduledJobsOnOneInstanceTest {

    private static final Path CHECKPOINTS;

    static {
        try {
            CHECKPOINTS = Files.createTempDirectory("prepbench-locked-checkpoints");
        }
        catch (IOException failed) {
            throw new IllegalStateException(failed);
        }
    }

    @DynamicPropertySource
    static void checkpointsOfItsOwn(DynamicPropertyRegistry registry) {
        registry.add("prepbench.audit.checkpoint-dir", CHECKPOINTS::toString);
    }

    @Autowired
    Checkpoints checkpoints;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aJobAnotherInstanceHoldsIsSkippedAndRunsHereOnceItIsFree() throws IOException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("DELETE FROM shedlock").update();
        jdbc.sql("INSERT INTO shedlock (name, lock_until, locked_at, locked_by)"
                + " VALUES ('audit-checkpoint', :until, :at, 'another-instance')")
            .param("until", now.plusHours(1))
            .param("at", now)
            .update();

        checkpoints.scheduled();
        assertThat(files()).as("checkpoints written while another instance holds the job").isZero();

        jdbc.sql("UPDATE shedlock SET lock_until = :until WHERE name = 'audit-checkpoint'")
            .param("until", now.minusSeconds(1))
            .update();
        checkpoints.scheduled();
        assertThat(files()).isEqualTo(1);
        assertThat(
                jdbc.sql("SELECT locked_by FROM shedlock WHERE name = 'audit-checkpoint'").query(String.class).single())
            .isNotEqualTo("another-instance");
        // held for at least 30 s: an instance whose timer fires just after does not run
        // it again
        checkpoints.scheduled();
        assertThat(files()).isEqualTo(1);
    }

    private static long files() throws IOException {
        try (Stream<Path> listed = Files.list(CHECKPOINTS)) {
            return listed.count();
        }
    }

}
