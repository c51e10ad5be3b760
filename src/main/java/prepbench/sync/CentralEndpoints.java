package prepbench.sync;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Central's side of the protocol (docs/sync.md), for stations only: each request carries
 * a station's token ({@link StationSecurity}).
 */
@RestController
@RequestMapping("/api/v1/central")
class CentralEndpoints {

    private final CentralIntake intake;

    private final ReferenceData reference;

    CentralEndpoints(CentralIntake intake, ReferenceData reference) {
        this.intake = intake;
        this.reference = reference;
    }

    @Operation(summary = "Takes a station's preparation events (station token); answers, per preparation, how far "
            + "central has them, its attempt number, or why central refuses it")
    @PostMapping("/events")
    ResponseEntity<Wire.Answer> events(@RequestBody Wire.Batch batch,
            @AuthenticationPrincipal Stations.Station station) {
        return ResponseEntity.ok().header("Cache-Control", "no-store").body(intake.take(station, batch));
    }

    @Operation(summary = "Central's formulas, ingredients, accounts and locks, for a station's copy (station token)")
    @GetMapping("/reference")
    ResponseEntity<Wire.Reference> reference(@AuthenticationPrincipal Stations.Station station) {
        return ResponseEntity.ok().header("Cache-Control", "no-store").body(reference.export(station.name()));
    }

}
