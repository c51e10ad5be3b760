package prepbench.ui;

import java.util.List;

import prepbench.audit.AuditReview;
import prepbench.audit.TrailVerification;
import prepbench.records.AuditLine;

/**
 * The audit trail as a whole: the filters as typed (blank when unused), one page of
 * events newest first, and the result of the last action asked for on the page.
 *
 * @param nextBefore the {@code before} of the next (older) page; null on the last page
 * @param verification the result of "verify everything", when it was just run; else null
 * @param checkpoint the checkpoint just written; else null
 * @param message why the filters could not be read; else null
 */
public record AuditPage(String from, String to, String actor, String action, String formula, String preparation,
        String bench, List<AuditLine> events, Long nextBefore, TrailVerification verification,
        AuditReview.Checkpoint checkpoint, String message) {

    /** The filters as a query string, for the next page and the export. */
    public String filters() {
        StringBuilder query = new StringBuilder();
        add(query, "from", from);
        add(query, "to", to);
        add(query, "actor", actor);
        add(query, "action", action);
        add(query, "formula", formula);
        add(query, "preparation", preparation);
        add(query, "bench", bench);
        return query.toString();
    }

    private static void add(StringBuilder query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.append(query.isEmpty() ? "" : "&")
                .append(name)
                .append('=')
                .append(java.net.URLEncoder.encode(value.strip(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
