package prepbench.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import prepbench.access.Actor;
import prepbench.formulas.FormulaCode;
import prepbench.preparation.BatchSize;
import prepbench.preparation.PreparationManagement;
import prepbench.preparation.SessionId;
import prepbench.preparation.SessionQuery;
import prepbench.preparation.SessionStatus;
import prepbench.preparation.StartOutcome;
import prepbench.preparation.StartPreparation;

@RestController
@RequestMapping("/api/v1/preparations")
class PreparationApi {

    private final PreparationManagement preparations;

    PreparationApi(PreparationManagement preparations) {
        this.preparations = preparations;
    }

    /**
     * Start or resume. {@code amount} and {@code unit} are optional together (the
     * formula's default batch); the amount may be a JSON number or a numeric string.
     */
    record StartRequest(
            @NotBlank(message = "formulaCode is required: the code of the formula to prepare") @Size(max = 200,
                    message = "formulaCode is far longer than any formula code") String formulaCode,
            String amount, String unit, @Size(max = 64, message = "bench is at most 64 characters") String bench) {
    }

    @PostMapping
    ResponseEntity<SessionDto> startPreparation(@Valid @RequestBody StartRequest request, Actor operator) {
        BatchSize batch = request.amount() == null && request.unit() == null ? null
                : BatchSize.parse(request.amount(), request.unit() == null ? "g" : request.unit());
        StartOutcome outcome = preparations.startOrResume(
                new StartPreparation(FormulaCode.of(request.formulaCode()), operator, batch, request.bench()));
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
            .location(URI.create("/api/v1/preparations/" + outcome.session().id()))
            .body(SessionDto.of(outcome.session()));
    }

    @GetMapping("/{id}")
    SessionDto showPreparation(@PathVariable String id) {
        return SessionDto.of(preparations.get(SessionId.parse(id)));
    }

    @GetMapping
    List<SessionDto.SummaryDto> listPreparations(@RequestParam(required = false) String status,
            @RequestParam(required = false) String formula, @RequestParam(required = false) String operator,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "100") int limit) {
        SessionStatus wanted = status == null || status.isBlank() ? null
                : SessionStatus.fromCode(status)
                    .orElseThrow(() -> new BadRequest("Unknown status '" + status + "'. Use in_progress, completed, "
                            + "failed, locked_failed or server_rejected."));
        String formulaCode = formula == null || formula.isBlank() ? null : FormulaCode.of(formula).value();
        return preparations.list(new SessionQuery(wanted, formulaCode, blankToNull(operator), from, to, limit))
            .stream()
            .map(SessionDto.SummaryDto::of)
            .toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

}
