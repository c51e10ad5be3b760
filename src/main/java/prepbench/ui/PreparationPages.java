package prepbench.ui;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import prepbench.access.Actor;
import prepbench.audit.AuditTrail;
import prepbench.formulas.FormulaCode;
import prepbench.formulas.InvalidFormulaCode;
import prepbench.preparation.ActionRefused;
import prepbench.preparation.InvalidSessionId;
import prepbench.preparation.PreparationManagement;
import prepbench.preparation.SessionId;
import prepbench.preparation.SessionNotFound;
import prepbench.preparation.SessionQuery;
import prepbench.preparation.SessionStatus;
import prepbench.samples.SampleRegister;

/** A preparation's page, and the history of preparations. */
@Controller
class PreparationPages {

    private static final int LIST_LIMIT = 200;

    private final PreparationManagement preparations;

    private final PreparationViews views;

    private final AuditTrail audit;

    private final SampleRegister samples;

    PreparationPages(PreparationManagement preparations, PreparationViews views, AuditTrail audit,
            SampleRegister samples) {
        this.preparations = preparations;
        this.views = views;
        this.audit = audit;
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
        var session = preparations.get(SessionId.parse(id));
        var sessionId = session.id().value();
        model.addAttribute("page", new RecordPage(SessionView.of(session), samples.forSession(sessionId).orElse(null),
                audit.forSession(sessionId), audit.verifySession(sessionId)));
        return "record";
    }

    /** A sample label opens the record of the preparation that made it. */
    @GetMapping("/s/{code}")
    Object showSampleByPath(@PathVariable String code) {
        return showSample(code);
    }

    @GetMapping("/samples")
    Object showSample(@RequestParam(defaultValue = "") String code) {
        return samples.byCode(code)
            .map(sample -> (Object) Redirects.seeOther("/preparations/" + sample.sessionId() + "/record"))
            .orElseThrow(() -> new SampleNotFound(code));
    }

    private static Object startOrResume(FormulaCode code) {
        return Redirects.seeOther("/formula-first?code=" + code.value() + "&auto=start");
    }

    @GetMapping("/preparations")
    String listSessions(@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String formula,
            @RequestParam(defaultValue = "") String operator,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            HttpServletResponse response) {
        String message = null;
        SessionStatus wanted = null;
        String formulaCode = null;
        if (!status.isBlank()) {
            wanted = SessionStatus.fromCode(status).orElse(null);
            if (wanted == null) {
                message = "Unknown status. Choose one from the list.";
            }
        }
        if (!formula.isBlank()) {
            try {
                formulaCode = FormulaCode.of(formula).value();
            }
            catch (InvalidFormulaCode notACode) {
                message = notACode.getMessage();
            }
        }
        var sessions = message != null ? java.util.List.<prepbench.preparation.SessionSummary>of()
                : preparations.list(new SessionQuery(wanted, formulaCode, operator.isBlank() ? null : operator.strip(),
                        null, null, LIST_LIMIT));
        if (message != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("page",
                new SessionListPage(sessions, status, ErrorPage.echo(formula), ErrorPage.echo(operator), message));
        return htmx != null ? "fragments/sessions" : "preparations";
    }

}
