package prepbench.api;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import prepbench.access.Actor;
import prepbench.sync.StationSync;
import prepbench.sync.Stations;

/**
 * Offline stations (issue 18, docs/sync.md): at central, an admin registers a station and
 * gets its token, once, and names the accounts allowed at it; at a station, anyone signed
 * in reads how its link to central stands.
 */
@RestController
class StationApi {

    private final Stations stations;

    private final StationSync sync;

    StationApi(Stations stations, StationSync sync) {
        this.stations = stations;
        this.sync = sync;
    }

    record NewStationRequest(String name, List<String> accounts) {
    }

    record AccountsRequest(List<String> accounts) {
    }

    @Operation(summary = "Registers a station at this central with the accounts allowed at it (none when the list "
            + "is left out); its token is in this answer only (admin)")
    @PostMapping("/api/v1/stations")
    ResponseEntity<Stations.NewStation> register(@RequestBody(required = false) NewStationRequest request,
            Actor admin) {
        Stations.NewStation created = stations.register(admin, request == null ? null : request.name(),
                request == null ? null : request.accounts());
        return ResponseEntity.created(URI.create("/api/v1/stations/" + created.name()))
            .header("Cache-Control", "no-store")
            .body(created);
    }

    @Operation(summary = "Gives a station its list of accounts, in place of the one it had: those taken off may not "
            + "sign in there from its next refresh, and central refuses what it records under them from now (admin)")
    @PutMapping("/api/v1/stations/{name}/accounts")
    Stations.Station allowAccounts(@PathVariable String name, @RequestBody(required = false) AccountsRequest request,
            Actor admin) {
        return stations.allowAccounts(admin, name, request == null ? null : request.accounts());
    }

    @Operation(summary = "Revokes a station: central answers it no more; what it sent stays (admin)")
    @DeleteMapping("/api/v1/stations/{name}")
    Stations.Station revoke(@PathVariable String name, Actor admin) {
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
