package prepbench.preparation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

import prepbench.catalog.IngredientCode;
import prepbench.entry.Moments;
import prepbench.entry.Text;
import prepbench.entry.WordedRefusal;
import prepbench.formulas.FormulaCode;

/**
 * Which sessions to list, newest first (by start, then id), a page at a time. Every
 * filter is optional (null): status, formula, operator, bench, an ingredient and a lot of
 * it (a recall: every preparation that weighed the lot; the lot is compared without
 * regard to case or surrounding spaces), the start between {@code from} (inclusive) and
 * {@code to} (exclusive). {@code after} continues a listing where its page ended;
 * {@code limit} is capped at {@link #MAX_LIMIT}.
 */
public record SessionQuery(SessionStatus status, String formulaCode, String operator, String bench,
        String ingredientCode, String lot, Instant from, Instant to, Cursor after, int limit) {

    public static final int MAX_LIMIT = 500;

    /** The longest operator, bench or lot a filter takes: the longest stored. */
    private static final int MAX_TEXT = 64;

    public SessionQuery {
        limit = Math.max(1, Math.min(limit, MAX_LIMIT));
    }

    public static SessionQuery inProgressFor(String operator) {
        return new SessionQuery(SessionStatus.IN_PROGRESS, null, operator, null, null, null, null, null, null, 50);
    }

    /** The same listing, from the page after the one that ended with this cursor. */
    public SessionQuery after(Cursor cursor) {
        return new SessionQuery(status, formulaCode, operator, bench, ingredientCode, lot, from, to, cursor, limit);
    }

    /** The same listing with pages of another size. */
    public SessionQuery limit(int pageSize) {
        return new SessionQuery(status, formulaCode, operator, bench, ingredientCode, lot, from, to, after, pageSize);
    }

    /**
     * Where a page of the listing ended: the last session's start and id. Opaque to
     * clients, who pass it back as {@code after}; sessions started later (new ones) never
     * shift the pages that follow.
     */
    public record Cursor(Instant startedAt, UUID id) {

        public String text() {
            return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((startedAt + "_" + id).getBytes(StandardCharsets.US_ASCII));
        }

        /**
         * @throws Invalid when the text is not a cursor this listing gave
         */
        static Cursor parse(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.US_ASCII)
                    .split("_", -1);
                if (parts.length == 2) {
                    return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
                }
            }
            catch (IllegalArgumentException | DateTimeParseException notACursor) {
                // answered below
            }
            throw new Invalid(Text.of("refused.query.after", "after", "next"));
        }
    }

    /** A filter that cannot be read; says which and how to write it. */
    public static class Invalid extends WordedRefusal {

        Invalid(Text text) {
            super(text);
        }

    }

    /**
     * The listing the texts ask for, as typed in the page's filter or given as the API's
     * parameters; blank means no filter.
     * @throws Invalid naming the filter that cannot be read and how to write it
     */
    public static SessionQuery parse(String status, String formula, String operator, String bench, String ingredient,
            String lot, String from, String to, String after, int limit) {
        SessionStatus wanted = blank(status) ? null
                : SessionStatus.fromCode(status.strip().toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> new Invalid(Text.of("refused.query.status", cut(status), "in_progress",
                            "completed", "failed", "locked_failed", "server_rejected")));
        String formulaCode = blank(formula) ? null
                : FormulaCode.tryParse(formula)
                    .map(FormulaCode::value)
                    .orElseThrow(() -> new Invalid(Text.of("refused.query.formula", cut(formula))));
        String ingredientCode = blank(ingredient) ? null
                : IngredientCode.tryParse(ingredient)
                    .map(IngredientCode::value)
                    .orElseThrow(() -> new Invalid(Text.of("refused.query.ingredient", cut(ingredient))));
        return new SessionQuery(wanted, formulaCode, text(operator, Text.of("refused.query.field.operator")),
                text(bench, Text.of("refused.query.field.bench")), ingredientCode,
                text(lot, Text.of("refused.query.field.lot")), moment(from, Text.of("refused.query.field.from"), false),
                moment(to, Text.of("refused.query.field.to"), true), blank(after) ? null : Cursor.parse(after), limit);
    }

    /**
     * {@code Moments.HOW} in the reader's language: a day or a UTC time, the examples and
     * the standard's name kept as they are.
     */
    private static Instant moment(String text, Text name, boolean endOfRange) {
        try {
            return Moments.read(text, endOfRange);
        }
        catch (IllegalArgumentException unreadable) {
            throw new Invalid(Text.of("refused.query.moment", name, "2026-12-01T08:00:00Z", "ISO-8601"));
        }
    }

    private static String text(String value, Text name) {
        if (blank(value)) {
            return null;
        }
        if (value.strip().length() > MAX_TEXT) {
            throw new Invalid(Text.of("refused.query.too-long", name, MAX_TEXT));
        }
        return value.strip();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String cut(String text) {
        String value = text.strip();
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
