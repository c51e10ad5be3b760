package prepbench.audit;

import java.time.Instant;
import java.util.UUID;

import prepbench.entry.Moments;
import prepbench.entry.Text;
import prepbench.entry.WordedRefusal;

/**
 * A search of the whole audit trail, newest first; every filter is optional.
 *
 * @param from events at or after this time
 * @param to events before this time
 * @param actor who did it (exact username)
 * @param action what was done (exact action, such as {@code WEIGHT_CAPTURED})
 * @param formulaCode the formula concerned
 * @param sessionId the preparation concerned
 * @param bench the bench of the preparations concerned
 * @param beforeId the page after the one ending with this event id (keyset pagination);
 * null for the first page
 * @param limit how many events at most
 */
public record AuditQuery(Instant from, Instant to, String actor, String action, String formulaCode, UUID sessionId,
        String bench, Long beforeId, int limit) {

    /** The most events one page shows. */
    public static final int PAGE = 50;

    /** The most events one export holds. */
    public static final int MAX_EXPORT = 100_000;

    public AuditQuery {
        actor = blankToNull(actor);
        action = blankToNull(action);
        formulaCode = blankToNull(formulaCode);
        bench = blankToNull(bench);
        limit = Math.max(1, Math.min(limit, MAX_EXPORT));
    }

    /** The same search, for the page after the one that ended with this event. */
    public AuditQuery after(long lastId) {
        return new AuditQuery(from, to, actor, action, formulaCode, sessionId, bench, lastId, limit);
    }

    /** A filter that cannot be read; says which and how to write it. */
    public static class Invalid extends WordedRefusal {

        Invalid(Text text) {
            super(text);
        }

    }

    /**
     * The search the given texts ask for, as typed in the page's filter or the API's
     * parameters; blank means no filter. Dates are UTC days ({@code 2026-12-01}, "to"
     * inclusive) or instants ({@code 2026-12-01T08:00:00Z}).
     * @throws Invalid naming the filter that cannot be read
     */
    public static AuditQuery parse(String from, String to, String actor, String action, String formula,
            String preparation, String bench, String before, int limit) {
        UUID session = null;
        if (preparation != null && !preparation.isBlank()) {
            try {
                session = UUID.fromString(preparation.strip());
            }
            catch (IllegalArgumentException notAnId) {
                throw new Invalid(Text.of("entry.audit.bad-preparation", Text.of("entry.audit.filter.preparation"),
                        "/preparations/<id>", "7211561b-167f-4ab7-a468-40a9cdf6386d"));
            }
        }
        Long beforeId = null;
        if (before != null && !before.isBlank()) {
            try {
                beforeId = Long.parseLong(before.strip());
            }
            catch (NumberFormatException notANumber) {
                throw new Invalid(Text.of("entry.audit.bad-before", "before"));
            }
        }
        return new AuditQuery(time(from, Text.of("entry.audit.filter.from"), false),
                time(to, Text.of("entry.audit.filter.to"), true), actor,
                action == null ? null : action.strip().toUpperCase(java.util.Locale.ROOT),
                formula == null ? null : formula.strip().toUpperCase(java.util.Locale.ROOT), session, bench, beforeId,
                limit);
    }

    private static Instant time(String text, Text name, boolean endOfDay) {
        try {
            return Moments.read(text, endOfDay);
        }
        catch (IllegalArgumentException unreadable) {
            throw new Invalid(Text.of("entry.audit.bad-time", name, Moments.how()));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
