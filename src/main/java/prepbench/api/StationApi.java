package prepbench.api;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import prepbench.access.Actor;
import prepbench.sync.StationSync;
import prepbench.sync.Stations;

/**
 * Offline stations (issue 18, docs/sync.md): at central, an admin registers a station and
 * gets its token, once; at a station, anyone signed in reads how its link to central
 * stands.
 */
@RestController
class StationApi {

    private final Stations stations;

    private final StationSync sync;

    StationApi(Stations stations, StationSync sync) {
        this.stations = stations;
        this.sync = sync;
    }

    record NewStationRequest(String name) {
    }

    @Operation(summary = "Registers a station at this central; its token is in this answer only (admin)")
    @PostMapping("/api/v1/stations")
    ResponseEntity<Stations.NewStation> register(@RequestBody(required = false) NewStationRequest request,
            Actor admin) {
        Stations.NewStation created = stations.register(admin, request == null ? null : request.name());
        return ResponseEntity.created(URI.create("/api/v1/stations/" + created.name()))
            .header("Cache-Control", "no-store")
            .body(created);
    }

    @Operation(summary = "Revokes a station: central answers it no more; what it sent stays (admin)")
    @org.springframework.web.bind.annotation.DeleteMapping("/api/v1/stations/{name}")
    Stations.Station revoke(@org.springframework.web.bind.annotation.PathVariable String name, Actor admin) {
        return stations.revoke(admin, name);
    }

    @Operation(summary = "The stations registered at this central, never their tokens (admin)")
    @GetMapping("/api/v1/stations")
    List<Stations.Station> list(Actor admin) {
        return stations.all(admin);
    }

    record SyncDto(long waiting, java.time.Instant oldestWaitingSince, java.time.Instant lastSentAt,
            boolean centralReachable, java.time.Instant lastRefreshAt, boolean copyTooOld, String lastProblem) {
    }

    @Operation(summary = "At a station: what waits to be sent to central and since when, when it last sent, and "
            + "whether central answers; 404 at central")
    @GetMapping("/api/v1/sync")
    SyncDto status() {
        return sync.status()
            .map(status -> new SyncDto(status.waiting(), status.oldestWaitingSince(), status.lastSentAt(),
                    status.centralReachable(), status.lastRefreshAt(), status.copyTooOld(), status.lastProblem()))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "This PrepBench is not a station: it has no central to sync with."));
    }

}
