package prepbench.ui;

import prepbench.access.Actor;
import prepbench.sync.StationSync;
import prepbench.sync.Stations;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import prepbench.database.DatabaseErrors;
import prepbench.scales.BenchStatus;
import prepbench.scales.BenchManagement;

/**
 * {@code /diagnostics}: every bench's balance connection with its raw lines, the database
 * and the application.
 */
@Controller
class DiagnosticsPages {

    private final BenchManagement benches;

    private final ObjectProvider<HealthEndpoint> health;

    private final LiveReadings live;

    private final DatabaseErrors databaseErrors;

    private final StationSync sync;

    private final Stations stations;

    DiagnosticsPages(BenchManagement benches, ObjectProvider<HealthEndpoint> health, LiveReadings live,
            DatabaseErrors databaseErrors, StationSync sync, Stations stations) {
        this.sync = sync;
        this.stations = stations;
        this.benches = benches;
        this.health = health;
        this.live = live;
        this.databaseErrors = databaseErrors;
    }

    @GetMapping("/diagnostics")
    String showDiagnostics(Model model, Actor viewer) {
        HealthEndpoint endpoint = health.getIfAvailable();
        String database = endpoint == null ? "unknown" : status(endpoint, "db");
        String application = endpoint == null ? "unknown" : endpoint.health().getStatus().getCode();
        List<BenchStatus> statuses = benches.status();
        int watchers = statuses.stream().mapToInt(bench -> live.watching(bench.id())).sum();
        model.addAttribute("page",
                new DiagnosticsPage(statuses, database, databaseErrors.last().orElse(null), databaseErrors.count(),
                        application, Instant.now(), System.getProperty("java.version"),
                        Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()), watchers,
                        benches.cluster().orElse(null), sync.status().orElse(null),
                        sync.isStation() ? List.of() : stations.all(viewer), sync::flagged));
        return "diagnostics";
    }

    private static String status(HealthEndpoint endpoint, String component) {
        var descriptor = endpoint.healthForPath(component);
        return descriptor == null ? "unknown" : descriptor.getStatus().getCode();
    }

}
