package prepbench.ui;

import static prepbench.entry.SpreadsheetCells.protect;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import prepbench.access.Actor;
import prepbench.entry.Limits;
import prepbench.entry.Words;
import prepbench.audit.AuditEvent;
import prepbench.audit.AuditQuery;
import prepbench.audit.AuditReview;
import prepbench.audit.TrailVerification;
import prepbench.records.AuditLine;

/**
 * The audit trail as a whole, for lab leads and admins (EU GMP Annex 11 §9): search by
 * time, person, action, formula, preparation and bench, page by page; export what the
 * filters find as CSV; verify everything; write a checkpoint; acknowledge an alert of a
 * failed verification. The page, the events' sentences and the export's header row are in
 * the reader's language; what the events recorded is shown as it was recorded.
 */
@Controller
class AuditPages {

    /** The export's columns; the header row names them in the reader's language. */
    private static final List<String> CSV_COLUMNS = List.of("id", "occurred_at_utc", "actor", "action", "what", "chain",
            "sequence", "formula", "preparation", "step", "payload", "key_id", "hash");

    private final AuditReview review;

    AuditPages(AuditReview review) {
        this.review = review;
    }

    @GetMapping("/audit")
    String showTrail(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
            @RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String formula, @RequestParam(defaultValue = "") String preparation,
            @RequestParam(defaultValue = "") String bench, @RequestParam(defaultValue = "") String before,
            Actor reviewer, Model model, HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("page", page(from, to, actor, action, formula, preparation, bench, before, null, null,
                reviewer, Languages.words(request), response));
        return "audit";
    }

    @PostMapping("/audit/verification")
    String verifyEverything(Actor reviewer, Model model, HttpServletRequest request, HttpServletResponse response) {
        TrailVerification result = review.verifyEverything(reviewer);
        model.addAttribute("page",
                page("", "", "", "", "", "", "", "", result, null, reviewer, Languages.words(request), response));
        return "audit";
    }

    @PostMapping("/audit/checkpoints")
    String writeCheckpoint(Actor reviewer, Model model, HttpServletRequest request, HttpServletResponse response) {
        AuditReview.Checkpoint written = review.checkpoint(reviewer);
        model.addAttribute("page",
                page("", "", "", "", "", "", "", "", null, written, reviewer, Languages.words(request), response));
        return "audit";
    }

    @PostMapping("/audit/alerts/{id}/acknowledge")
    Object acknowledge(@PathVariable long id, @RequestParam(defaultValue = "") String note, Actor reviewer, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        if (note.isBlank() || note.length() > Limits.MAX_REASON) {
            Words words = Languages.words(request);
            AuditPage page = page("", "", "", "", "", "", "", "", null, null, reviewer, words, response);
            model.addAttribute("page", new AuditPage("", "", "", "", "", "", "", page.events(), page.nextBefore(), null,
                    null, words.t("audit.acknowledge.note-required", Limits.MAX_REASON)));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "audit";
        }
        review.acknowledge(id, note, reviewer);
        return Redirects.seeOther("/");
    }

    @GetMapping("/audit/export.csv")
    void export(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
            @RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String formula, @RequestParam(defaultValue = "") String preparation,
            @RequestParam(defaultValue = "") String bench, Actor reviewer, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        Words words = Languages.words(request);
        AuditQuery query;
        try {
            query = AuditQuery.parse(from, to, actor, action, formula, preparation, bench, null, AuditQuery.MAX_EXPORT);
        }
        catch (AuditQuery.Invalid unreadable) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, words.message(unreadable));
            return;
        }
        List<AuditEvent> events = review.search(query, reviewer);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"prepbench-audit.csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer out = response.getWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(CSV_COLUMNS.stream().map(column -> words.t("audit.csv." + column)).toList());
            for (AuditEvent event : events.subList(0, Math.min(events.size(), query.limit()))) {
                csv.printRecord(event.id(), event.at(), protect(event.actor()), event.action(),
                        protect(AuditLine.of(event, words).what()), protect(event.chain()), event.seq(),
                        protect(event.formulaCode()), event.sessionId(), event.stepSequence(), protect(event.payload()),
                        event.keyId(), event.hash());
            }
        }
    }

    private AuditPage page(String from, String to, String actor, String action, String formula, String preparation,
            String bench, String before, TrailVerification verification, AuditReview.Checkpoint checkpoint,
            Actor reviewer, Words words, HttpServletResponse response) {
        List<AuditLine> lines = List.of();
        Long next = null;
        String message = null;
        try {
            AuditQuery query = AuditQuery.parse(from, to, actor, action, formula, preparation, bench, before,
                    AuditQuery.PAGE);
            List<AuditEvent> found = review.search(query, reviewer);
            boolean more = found.size() > query.limit();
            List<AuditEvent> shown = more ? found.subList(0, query.limit()) : found;
            lines = shown.stream().map(event -> AuditLine.of(event, words)).toList();
            next = more ? shown.get(shown.size() - 1).id() : null;
        }
        catch (AuditQuery.Invalid unreadable) {
            message = words.message(unreadable);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return new AuditPage(ErrorPage.echo(from), ErrorPage.echo(to), ErrorPage.echo(actor), ErrorPage.echo(action),
                ErrorPage.echo(formula), ErrorPage.echo(preparation), ErrorPage.echo(bench), lines, next, verification,
                checkpoint, message);
    }

}
