package prepbench.ui;

import prepbench.sync.StationSync;
import prepbench.sync.Stations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import prepbench.database.DatabaseErrors.DatabaseError;
import prepbench.entry.Words;
import prepbench.scales.BenchStatus;
import prepbench.scales.ClusterStatus;

/**
 * The diagnostics of this station: the benches, the database (whether it accepts a write,
 * and the last error it gave, null when none since start), the application.
 *
 * @param database the actuator's status of the database ({@code UP}, {@code DOWN}, or
 * {@code unknown} when there is no health endpoint)
 * @param cluster the instances sharing the benches, null for a single instance
 * @param sync at a station, its link to central; null at central
 * @param stations at central, the stations registered (empty at a station)
 */
public record DiagnosticsPage(List<BenchStatus> benches, String database, DatabaseError lastDatabaseError,
        long databaseErrors, String application, Instant now, String javaVersion, Duration uptime, int watchers,
        ClusterStatus cluster, StationSync.Status sync, List<Stations.Station> stations,
        java.util.function.Predicate<Long> clockFlagged) {

    /** Whether a station's clock offset is beyond what is allowed. */
    public boolean flagged(Stations.Station station) {
        return clockFlagged.test(station.clockOffsetMs());
    }

    /** A clock offset in seconds with one decimal and its sign; "—" when none. */
    public static String offset(Long millis) {
        return millis == null ? "—" : String.format(Locale.ROOT, "%+.1f", millis / 1000.0);
    }

    /** How long ago an owner's heartbeat was, in seconds with one decimal. */
    public static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }

    /**
     * How old a reading is, in seconds with one decimal (Western digits in every
     * language); "—" when there is none.
     */
    public String age(BenchStatus bench) {
        return bench.lastReading() == null ? "—" : String.format(Locale.ROOT, "%.1f",
                Duration.between(bench.lastReading().at(), now).toMillis() / 1000.0);
    }

    /**
     * A health status in words: {@code UP}, {@code DOWN}… as the actuator says it; a
     * status PrepBench has no words for as it is.
     */
    public static String health(String status, Words words) {
        String key = "diagnostics.health." + status.toLowerCase(Locale.ROOT);
        return words.has(key) ? words.t(key) : status;
    }
}
