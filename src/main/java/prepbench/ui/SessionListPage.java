package prepbench.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import prepbench.entry.Text;
import prepbench.preparation.SessionStatus;
import prepbench.preparation.SessionSummary;

/**
 * A page of the history of preparations with its filters (blank when unused), each
 * completed preparation's sample, and where the next page starts.
 *
 * @param filters the filters as typed, by parameter name
 * @param samples the sample code of each completed preparation shown, by preparation
 * @param next the cursor of the next (older) page; null on the last
 * @param first whether this is the first (newest) page
 * @param message why the filters cannot be read; null when they can
 */
public record SessionListPage(List<SessionSummary> sessions, Map<String, String> filters, Map<UUID, String> samples,
        String next, boolean first, Text message) {

    /** The filter parameters, in the order the form shows them. */
    static final List<String> FILTERS = List.of("status", "formula", "operator", "bench", "ingredient", "lot", "from",
            "to");

    public SessionListPage {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String name : FILTERS) {
            typed.put(name, filters.getOrDefault(name, ""));
        }
        filters = typed;
    }

    public List<SessionStatus> statuses() {
        return List.of(SessionStatus.values());
    }

    public String filter(String name) {
        return filters.get(name);
    }

    /** The filters as a query string, for the next page's link and the exports. */
    public String query() {
        return filters.entrySet()
            .stream()
            .filter(entry -> !entry.getValue().isBlank())
            .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    }

    /** Whether the list is a recall: the preparations that weighed one lot. */
    public boolean recall() {
        return !filter("lot").isBlank();
    }

    public String sampleOf(SessionSummary session) {
        return samples.get(session.id());
    }
}
