package prepbench.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import prepbench.database.DatabaseErrors;
import prepbench.database.DatabaseErrors.DatabaseError;
import prepbench.scales.BenchStatus;
import prepbench.scales.BenchManagement;

/**
 * The diagnostics of this station as JSON: every bench's connection and raw lines, and
 * the database's health.
 */
@RestController
class DiagnosticsApi {

    private final BenchManagement benches;

    private final ObjectProvider<HealthEndpoint> health;

    private final DatabaseErrors databaseErrors;

    DiagnosticsApi(BenchManagement benches, ObjectProvider<HealthEndpoint> health, DatabaseErrors databaseErrors) {
        this.benches = benches;
        this.health = health;
        this.databaseErrors = databaseErrors;
    }

    /**
     * {@code database} is UP only when it accepts a write; {@code lastDatabaseError} is
     * null when none since start.
     */
    record DiagnosticsDto(String application, String database, DatabaseError lastDatabaseError, long databaseErrors,
            List<BenchStatus> benches) {
    }

    @Operation(summary = "The station's health: database, balances, last errors (lab lead, admin)")
    @GetMapping("/api/v1/diagnostics")
    DiagnosticsDto showDiagnostics() {
        HealthEndpoint endpoint = health.getIfAvailable();
        return new DiagnosticsDto(endpoint == null ? "unknown" : endpoint.health().getStatus().getCode(),
                endpoint == null || endpoint.healthForPath("db") == null ? "unknown"
                        : endpoint.healthForPath("db").getStatus().getCode(),
                databaseErrors.last().orElse(null), databaseErrors.count(), benches.status());
    }

}
