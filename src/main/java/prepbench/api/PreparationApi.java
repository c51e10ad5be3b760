package prepbench.api;

import java.math.BigDecimal;
import java.net.URI;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;

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
import prepbench.preparation.HistoryExport;
import prepbench.preparation.PreparationManagement;
import prepbench.preparation.SessionPage;
import prepbench.preparation.SessionId;
import prepbench.preparation.SessionQuery;
import prepbench.preparation.StartOutcome;
import prepbench.preparation.StartPreparation;
import prepbench.records.BatchRecords;
import prepbench.records.Pdfs;

@RestController
@RequestMapping("/api/v1/preparations")
class PreparationApi {

    private final PreparationManagement preparations;

    private final HistoryExport export;

    private final BatchRecords records;

    PreparationApi(PreparationManagement preparations, HistoryExport export, BatchRecords records) {
        this.export = export;
        this.records = records;
        this.preparations = preparations;
    }

    /**
     * Start or resume. {@code amount} and {@code unit} are optional together (the
     * formula's default batch); the amount may be a JSON number or a numeric string.
     */
    record StartRequest(
            @NotBlank(message = "{api.field.formula-code-required}") @Size(max = 200,
                    message = "{api.field.formula-code-too-long}") String formulaCode,
            String amount, String unit, @Size(max = 64, message = "{api.field.bench-too-long}") String bench) {
    }

    @Operation(summary = "Starts a preparation of a formula, or resumes the caller's one in progress")
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

    /** The batch record as a PDF, as the page prints it. */
    @Operation(summary = "The batch record as PDF")
    @GetMapping(value = "/{id}/record.pdf", produces = "application/pdf")
    ResponseEntity<byte[]> printRecord(@PathVariable String id, Actor reader) {
        return Pdfs.record(records, SessionId.parse(id), reader);
    }

    @Operation(summary = "A preparation with its steps")
    @GetMapping("/{id}")
    SessionDto showPreparation(@PathVariable String id) {
        return SessionDto.of(preparations.get(SessionId.parse(id)));
    }

    /**
     * A page of the history: the sessions and where the next page starts ({@code after}),
     * null on the last.
     */
    record PageDto(List<SessionDto.SummaryDto> items, String next) {
    }

    @Operation(summary = "A page of the history of preparations, newest first; with a lot, a recall")
    @GetMapping
    PageDto listPreparations(@RequestParam(required = false) String status,
            @RequestParam(required = false) String formula, @RequestParam(required = false) String operator,
            @RequestParam(required = false) String bench, @RequestParam(required = false) String ingredient,
            @RequestParam(required = false) String lot, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "100") int limit) {
        SessionPage page = preparations
            .list(query(status, formula, operator, bench, ingredient, lot, from, to, after, limit));
        return new PageDto(page.items().stream().map(SessionDto.SummaryDto::of).toList(),
                page.next() == null ? null : page.next().text());
    }

    /**
     * The whole filtered history as CSV ({@code Accept: text/csv}): a row per
     * preparation, or per step with {@code rows=steps}.
     */
    @Operation(summary = "The filtered history as CSV, a row per preparation or per step")
    @GetMapping(produces = "text/csv")
    void exportPreparations(@RequestParam(required = false) String status,
            @RequestParam(required = false) String formula, @RequestParam(required = false) String operator,
            @RequestParam(required = false) String bench, @RequestParam(required = false) String ingredient,
            @RequestParam(required = false) String lot, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "preparations") String rows,
            HttpServletResponse response) throws IOException {
        SessionQuery query = query(status, formula, operator, bench, ingredient, lot, from, to, null,
                SessionQuery.MAX_LIMIT);
        HistoryExport.Rows what = switch (rows.strip().toLowerCase(Locale.ROOT)) {
            case "preparations", "sessions" -> HistoryExport.Rows.SESSIONS;
            case "steps" -> HistoryExport.Rows.STEPS;
            default -> throw new BadRequest(prepbench.entry.Text.of("entry.api.rows", "rows", "preparations", "steps"));
        };
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"prepbench-"
                + (what == HistoryExport.Rows.STEPS ? "steps" : "preparations") + ".csv\"");
        export.write(query, what, response.getWriter());
    }

    private static SessionQuery query(String status, String formula, String operator, String bench, String ingredient,
            String lot, String from, String to, String after, int limit) {
        return SessionQuery.parse(status, formula, operator, bench, ingredient, lot, from, to, after, limit);
    }

}
