package prepbench.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import prepbench.database.DatabaseErrors.DatabaseError;
import prepbench.scales.BenchStatus;

/**
 * The diagnostics of this station: the benches, the database (whether it accepts a write,
 * and the last error it gave, null when none since start), the application.
 */
public record DiagnosticsPage(List<BenchStatus> benches, String database, DatabaseError lastDatabaseError,
        long databaseErrors, String application, Instant now, String javaVersion, Duration uptime, int watchers) {

    /** How old a reading is, in seconds with one decimal; "—" when there is none. */
    public String age(BenchStatus bench) {
        return bench.lastReading() == null ? "—" : String.format(Locale.ROOT, "%.1f s",
                Duration.between(bench.lastReading().at(), now).toMillis() / 1000.0);
    }
}
