package prepbench.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class DatabaseErrorsTest {

    private final Instant now = Instant.parse("2026-11-30T10:15:30Z");

    private final DatabaseErrors errors = new DatabaseErrors(Clock.fixed(now, ZoneOffset.UTC));

    @Test
    void keepsTheDatabasesOwnWordsFromTheOutermostSqlException() {
        var failure = new IllegalStateException("wrapped",
                new DataIntegrityViolationException("Spring's words",
                        new SQLException(
                                "Check constraint invalid: \"CK_FORMULA_VERSION_STATUS: \"; SQL statement:\nINSERT …",
                                new SQLException("The database has been closed"))));

        assertThat(errors.record("POST /scan", failure)).isTrue();

        assertThat(errors.last()).contains(new DatabaseErrors.DatabaseError(now, "POST /scan",
                "Check constraint invalid: \"CK_FORMULA_VERSION_STATUS: \""));
        assertThat(errors.count()).isEqualTo(1);
    }

    @Test
    void aDataAccessExceptionWithoutSqlExceptionCountsTooAndLongMessagesAreCut() {
        errors.record("health check", new CannotGetJdbcConnectionException("x".repeat(1000)));

        assertThat(errors.last().orElseThrow().message()).hasSize(DatabaseErrors.MAX_MESSAGE).endsWith("…");
    }

    @Test
    void failuresTheDatabaseDidNotCauseAreNotDatabaseErrors() {
        assertThat(errors.record("GET /", new IllegalArgumentException("bad", new RuntimeException()))).isFalse();

        assertThat(errors.last()).isEmpty();
        assertThat(errors.count()).isZero();
    }

}
