package prepbench.preparation;

import java.util.List;

/**
 * One page of a listing of sessions.
 *
 * @param next where the next page starts; null when this is the last
 */
public record SessionPage(List<SessionSummary> items, SessionQuery.Cursor next) {

    public SessionPage {
        items = List.copyOf(items);
    }
}
