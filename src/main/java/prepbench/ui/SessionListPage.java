package prepbench.ui;

import java.util.List;

import prepbench.preparation.SessionStatus;
import prepbench.preparation.SessionSummary;

/** The history of preparations with its filters (blank when unused). */
public record SessionListPage(List<SessionSummary> sessions, String status, String formula, String operator,
        String message) {

    public List<SessionStatus> statuses() {
        return List.of(SessionStatus.values());
    }
}
