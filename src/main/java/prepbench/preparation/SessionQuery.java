package prepbench.preparation;

import java.time.Instant;

/**
 * Which sessions to list, newest first. Every filter is optional (null); {@code limit} is
 * capped at {@link #MAX_LIMIT}.
 */
public record SessionQuery(SessionStatus status, String formulaCode, String operator, Instant from, Instant to,
        int limit) {

    public static final int MAX_LIMIT = 500;

    public SessionQuery {
        limit = Math.max(1, Math.min(limit, MAX_LIMIT));
    }

    public static SessionQuery inProgressFor(String operator) {
        return new SessionQuery(SessionStatus.IN_PROGRESS, null, operator, null, null, 50);
    }
}
