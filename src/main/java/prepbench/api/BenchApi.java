package prepbench.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import prepbench.access.Actor;
import prepbench.preparation.PreparationManagement;
import prepbench.scales.BenchManagement;
import prepbench.scales.Reading;
import prepbench.scales.SimulatedBalance;

/**
 * The benches' balances: readings, zero and tare, and the simulated balances' controls.
 */
@RestController
@RequestMapping("/api/v1/benches")
class BenchApi {

    private final BenchManagement benches;

    private final PreparationManagement preparations;

    BenchApi(BenchManagement benches, PreparationManagement preparations) {
        this.benches = benches;
        this.preparations = preparations;
    }

    record BenchDto(String id, boolean simulated) {
    }

    record ReadingDto(BigDecimal grams, boolean stable, Instant at, String state) {

        static ReadingDto of(Reading reading) {
            return new ReadingDto(Json.plain(reading.grams()), reading.stable(), reading.at(), reading.state().code());
        }
    }

    /**
     * A load for a simulated balance: gross grams on the pan, optional settle time and
     * noise.
     */
    record SimulatorRequest(
            @DecimalMin(value = "-10000", message = "{api.field.grams-min}") @DecimalMax(value = "100000",
                    message = "{api.field.grams-max}") BigDecimal grams,
            @Min(value = 0, message = "{api.field.settle-min}") @Max(value = 60000,
                    message = "{api.field.settle-max}") Long settleMs,
            @DecimalMin(value = "0", message = "{api.field.noise-min}") @DecimalMax(value = "100",
                    message = "{api.field.noise-max}") BigDecimal noiseG,
            Boolean offline) {
    }

    @Operation(summary = "Every bench with its balance and its state")
    @GetMapping
    List<BenchDto> listBenches() {
        return benches.ids().stream().map(id -> new BenchDto(id, benches.isSimulated(id))).toList();
    }

    @Operation(summary = "The bench's balance reading now")
    @GetMapping("/{bench}/reading")
    ReadingDto showReading(@PathVariable String bench) {
        return ReadingDto.of(benches.reading(bench));
    }

    /**
     * Zeroes the bench's balance for the caller's preparation there (refused without
     * one); recorded in it.
     */
    @Operation(summary = "Zeroes the bench's balance (the caller's preparation at the bench)")
    @PostMapping("/{bench}/zero")
    ReadingDto zero(@PathVariable String bench, Actor operator) {
        preparations.zeroBalance(preparations.preparationAt(bench, operator), operator);
        return ReadingDto.of(benches.reading(bench));
    }

    /**
     * Tares the bench's balance for the caller's preparation there (refused without one);
     * recorded in it.
     */
    @Operation(summary = "Tares the bench's balance with the vessel on it (the caller's preparation at the bench)")
    @PostMapping("/{bench}/tare")
    ReadingDto tare(@PathVariable String bench, Actor operator) {
        preparations.tareBalance(preparations.preparationAt(bench, operator), operator);
        return ReadingDto.of(benches.reading(bench));
    }

    @Operation(summary = "Sets what the simulated balance shows (demo station only)")
    @PutMapping("/{bench}/simulator")
    SimulatedBalance.Settings simulate(@PathVariable String bench, @Valid @RequestBody SimulatorRequest request) {
        return benches.simulate(bench, request.grams(),
                request.settleMs() == null ? null : Duration.ofMillis(request.settleMs()), request.noiseG(),
                request.offline());
    }

}
