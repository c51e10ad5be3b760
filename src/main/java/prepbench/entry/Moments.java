package prepbench.entry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The one reader of a moment a person types into a search: a UTC day ({@code 2026-12-01})
 * or an instant ({@code 2026-12-01T08:00:00Z}). A day that ends a range ("to") is read
 * inclusively, as the start of the next day.
 */
public final class Moments {

    /** How to write one, for a refusal, in English ({@link #how()} in words). */
    public static final String HOW = "write a day as 2026-12-01, or a time in UTC as 2026-12-01T08:00:00Z";

    /** How to write one, for a refusal worded in the reader's language. */
    public static Text how() {
        return Text.of("entry.moment.how", "2026-12-01", "2026-12-01T08:00:00Z");
    }

    private Moments() {
    }

    /**
     * The moment, or null for blank text.
     * @param endOfRange whether the moment ends a range, so that a day includes its whole
     * self
     * @throws IllegalArgumentException with {@link #HOW} when the text is neither
     */
    public static Instant read(String text, boolean endOfRange) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = Digits.western(text.strip());
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfRange ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        }
        catch (DateTimeParseException unreadable) {
            throw new IllegalArgumentException(HOW, unreadable);
        }
    }

}
