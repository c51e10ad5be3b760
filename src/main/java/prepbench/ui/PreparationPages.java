package prepbench.ui;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import prepbench.access.Actor;
import prepbench.entry.Text;
import prepbench.formulas.FormulaCode;
import prepbench.formulas.InvalidFormulaCode;
import prepbench.preparation.ActionRefused;
import prepbench.records.BatchRecords;
import prepbench.records.Pdfs;
import prepbench.preparation.InvalidSessionId;
import prepbench.preparation.HistoryExport;
import prepbench.preparation.PreparationManagement;
import prepbench.preparation.SessionPage;
import prepbench.preparation.SessionSummary;
import prepbench.preparation.SessionId;
import prepbench.preparation.SessionNotFound;
import prepbench.preparation.SessionQuery;
import prepbench.preparation.SessionStatus;
import prepbench.samples.SampleRegister;

/**
 * A preparation's page and record, and the history of preparations: filtered (a recall by
 * lot among them), a page at a time, and exported as CSV.
 */
@Controller
class PreparationPages {

    /** Preparations on one page of the history. */
    private static final int PAGE = 50;

    private final PreparationManagement preparations;

    private final PreparationViews views;

    private final SampleRegister samples;

    private final HistoryExport export;

    private final BatchRecords records;

    PreparationPages(PreparationManagement preparations, PreparationViews views, SampleRegister samples,
            HistoryExport export, BatchRecords records) {
        this.export = export;
        this.records = records;
        this.preparations = preparations;
        this.views = views;
        this.samples = samples;
    }

    /**
     * Shows the session. An id that is unknown (or not an id at all) with {@code ?f=CODE}
     * leads to starting or resuming that formula, so a stale or foreign link still lands
     * on a valid preparation.
     */
    @GetMapping("/preparations/{id}")
    Object showSession(@PathVariable String id, @RequestParam(name = "f", required = false) String fallback,
            Actor operator, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Optional<FormulaCode> fallbackFormula = fallback == null || fallback.isBlank() ? Optional.empty()
                : Optional.of(FormulaCode.of(fallback));
        SessionId sessionId;
        try {
            sessionId = SessionId.parse(id);
        }
        catch (InvalidSessionId notAnId) {
            if (fallbackFormula.isPresent()) {
                return startOrResume(fallbackFormula.get());
            }
            throw notAnId;
        }
        var session = preparations.find(sessionId);
        if (session.isEmpty()) {
            if (fallbackFormula.isPresent()) {
                return startOrResume(fallbackFormula.get());
            }
            throw SessionNotFound.forId(sessionId);
        }
        String message = (String) model.getAttribute("message");
        boolean error = Boolean.TRUE.equals(model.getAttribute("messageIsError"));
        ActionRefused.Reason refusal = model.getAttribute("refusal") instanceof ActionRefused.Reason reason ? reason
                : null;
        String form = model.getAttribute("form") instanceof String sent ? sent : null;
        model.addAttribute("page", views.page(session.get(), operator, message, error, refusal, form));
        return htmx != null ? "fragments/session-body" : "preparation";
    }

    /**
     * The printable batch record: header, every step, the sample, every audit event and
     * the chain check.
     */
    @GetMapping("/preparations/{id}/record")
    String showRecord(@PathVariable String id, Model model) {
        model.addAttribute("page", records.record(SessionId.parse(id)));
        return "record";
    }

    /**
     * The batch record as a PDF: the same content, "page N of M", who printed it and
     * when.
     */
    @GetMapping(value = "/preparations/{id}/record.pdf", produces = "application/pdf")
    ResponseEntity<byte[]> printRecord(@PathVariable String id, Actor reader) {
        return Pdfs.record(records, SessionId.parse(id), reader);
    }

    private static Object startOrResume(FormulaCode code) {
        return Redirects.seeOther("/formula-first?code=" + code.value() + "&auto=start");
    }

    @GetMapping("/preparations")
    String listSessions(@RequestParam Map<String, String> params,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            HttpServletResponse response) {
        Map<String, String> filters = new LinkedHashMap<>();
        SessionListPage.FILTERS.forEach(name -> filters.put(name, ErrorPage.echo(params.getOrDefault(name, ""))));
        String after = params.getOrDefault("after", "");
        SessionPage found = new SessionPage(List.of(), null);
        Text message = null;
        try {
            found = preparations.list(query(params, after, PAGE));
        }
        catch (SessionQuery.Invalid unreadable) {
            message = unreadable.text();
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        Map<UUID, String> sampleCodes = samples.codesOf(found.items().stream().map(SessionSummary::id).toList());
        model.addAttribute("page", new SessionListPage(found.items(), filters, sampleCodes,
                found.next() == null ? null : found.next().text(), after.isBlank(), message));
        return htmx != null ? "fragments/sessions" : "preparations";
    }

    /**
     * The filtered history as CSV: a row per preparation, or per step with
     * {@code rows=steps}.
     */
    @GetMapping("/preparations/export.csv")
    void exportSessions(@RequestParam Map<String, String> params, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        SessionQuery query;
        try {
            query = query(params, "", SessionQuery.MAX_LIMIT);
        }
        catch (SessionQuery.Invalid unreadable) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, Languages.words(request).message(unreadable));
            return;
        }
        boolean steps = "steps".equals(params.get("rows"));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition",
                "attachment; filename=\"prepbench-" + (steps ? "steps" : "preparations") + ".csv\"");
        export.write(query, steps ? HistoryExport.Rows.STEPS : HistoryExport.Rows.SESSIONS, response.getWriter());
    }

    private static SessionQuery query(Map<String, String> params, String after, int limit) {
        return SessionQuery.parse(params.get("status"), params.get("formula"), params.get("operator"),
                params.get("bench"), params.get("ingredient"), params.get("lot"), params.get("from"), params.get("to"),
                after, limit);
    }

}
