package prepbench.database;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The last database error this instance met, when, and how many since it started: an
 * unexpected failure of a request whose cause is the database, or a failed health check.
 * Refusals the domain expects (a wrong scan, a duplicate code) never get here, as they
 * are answered before they become failures.
 */
@Component
public class DatabaseErrors {

    /**
     * What the database said, the first line only and at most this long: enough to search
     * a log for.
     */
    static final int MAX_MESSAGE = 300;

    /**
     * One database error: when, where (a request or the health check) and what the
     * database said.
     */
    public record DatabaseError(Instant at, String where, String message) {
    }

    private final Clock clock;

    private final AtomicReference<DatabaseError> last = new AtomicReference<>();

    private final AtomicLong count = new AtomicLong();

    DatabaseErrors(Clock clock) {
        this.clock = clock;
    }

    /**
     * Remembers the failure when the database caused it; anything else is not this
     * record's business.
     * @return whether it was a database error
     */
    public boolean record(String where, Throwable failure) {
        Throwable database = databaseCause(failure);
        if (database == null) {
            return false;
        }
        last.set(new DatabaseError(clock.instant(), where, describe(database)));
        count.incrementAndGet();
        return true;
    }

    public Optional<DatabaseError> last() {
        return Optional.ofNullable(last.get());
    }

    /** How many database errors since this instance started. */
    public long count() {
        return count.get();
    }

    /**
     * The outermost SQLException in the chain (what the database said about the
     * statement; what it says below that is the cause, in the log), else the outermost
     * DataAccessException; null for neither.
     */
    static Throwable databaseCause(Throwable failure) {
        Throwable access = null;
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException) {
                return cause;
            }
            if (access == null && cause instanceof DataAccessException) {
                access = cause;
            }
        }
        return access;
    }

    static String describe(Throwable cause) {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().strip();
        int lineEnd = message.indexOf('\n');
        String firstLine = (lineEnd < 0 ? message : message.substring(0, lineEnd)).strip();
        if (firstLine.endsWith("; SQL statement:")) {
            firstLine = firstLine.substring(0, firstLine.length() - "; SQL statement:".length());
        }
        return firstLine.length() <= MAX_MESSAGE ? firstLine : firstLine.substring(0, MAX_MESSAGE - 1) + "…";
    }

}
