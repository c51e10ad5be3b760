package prepbench.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import prepbench.access.Actor;
import prepbench.samples.DueTest;
import prepbench.samples.Sample;
import prepbench.samples.SampleNotFound;
import prepbench.samples.SampleRegister;

/**
 * Samples of completed preparations, with their tests after preparation and the results.
 */
@RestController
@RequestMapping("/api/v1/samples")
class SampleApi {

    private final SampleRegister samples;

    SampleApi(SampleRegister samples) {
        this.samples = samples;
    }

    record SampleDto(String code, UUID preparationId, String formulaCode, int attemptNo, BigDecimal plannedG,
            BigDecimal actualG, Instant recordedAt, String recordedBy, List<Sample.Line> lines, List<Sample.Test> tests,
            String label) {

        static SampleDto of(Sample sample) {
            return new SampleDto(sample.code(), sample.sessionId(), sample.formulaCode(), sample.attemptNo(),
                    Json.plain(sample.plannedG()), Json.plain(sample.actualG()), sample.recordedAt(),
                    sample.recordedBy(), sample.lines(), sample.tests(), "S:" + sample.code());
        }
    }

    record ResultRequest(String result, String value, String note) {
    }

    @Operation(summary = "A sample: its lines with lots, and its tests after preparation with their results")
    @GetMapping("/{code}")
    SampleDto showSample(@PathVariable String code) {
        return SampleDto.of(samples.byCode(code).orElseThrow(() -> new SampleNotFound(code)));
    }

    @Operation(summary = "The open tests overdue or due within 24 hours, soonest first")
    @GetMapping("/due")
    List<DueTest> listDueTests(@RequestParam(defaultValue = "100") int limit) {
        return samples.dueSoon(limit);
    }

    @Operation(summary = "Records a test's result, once: pass or fail, a value and a note (lab lead, admin)")
    @PostMapping("/{code}/tests/{test}/result")
    SampleDto recordResult(@PathVariable String code, @PathVariable UUID test, @RequestBody ResultRequest request,
            Actor person) {
        return SampleDto
            .of(samples.recordResult(person, code, test, request.result(), request.value(), request.note()));
    }

}
