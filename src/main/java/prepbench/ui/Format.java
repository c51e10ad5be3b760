package prepbench.ui;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import prepbench.scales.Grams;

/**
 * How pages write times and masses: UTC times to the second, grams to the balance's three
 * decimals.
 */
public final class Format {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
        .withZone(ZoneOffset.UTC);

    private Format() {
    }

    /**
     * A preparation's status in words, as pages show it (the API and the database keep
     * the codes).
     */
    public static String status(prepbench.preparation.SessionStatus status) {
        return switch (status) {
            case IN_PROGRESS -> "In progress";
            case COMPLETED -> "Completed";
            case FAILED -> "Aborted";
            case LOCKED_FAILED -> "Failed and locked";
            case SERVER_REJECTED -> "Rejected by the server";
        };
    }

    public static String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    /** The ISO-8601 form, for {@code <time datetime>}. */
    public static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    public static String grams(BigDecimal grams) {
        return Grams.shown(grams);
    }

    /** A fraction as a percentage, e.g. 0.0525 → "5.25 %". */
    public static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }

    public static String amount(BigDecimal amount) {
        BigDecimal plain = amount.stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
    }

    /** A line's own tolerance, e.g. "±0.5 g" or "−2 % / +1 %". */
    public static String tolerance(prepbench.formulas.ToleranceOverride tolerance) {
        String minus = tolerance.minusSide();
        String plus = tolerance.plusSide();
        return minus.equals(plus) ? "±" + minus : "−" + minus + " / +" + plus;
    }

}
