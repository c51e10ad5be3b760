package prepbench.scales;

import java.math.BigDecimal;

import prepbench.entry.Decimals;

/**
 * The bounds of a weight that comes from outside (a person, a script, a form): at most 15
 * significant digits before the decimal point and 6 after it. Checked before any
 * arithmetic or formatting, so a number such as {@code 1e999999999} or
 * {@code 1e-999999999} is refused at once instead of being expanded into a billion
 * digits.
 */
public final class Grams {

    /** Digits before the decimal point, at most. */
    public static final int MAX_INTEGER_DIGITS = 15;

    /** Digits after the decimal point, at most (a microgram). */
    public static final int MAX_DECIMALS = 6;

    /** What a refusal of an out-of-bounds number says. */
    public static final String BOUNDS = "a weight has at most " + MAX_INTEGER_DIGITS + " digits before the decimal "
            + "point and " + MAX_DECIMALS + " after it, such as 78.25";

    private Grams() {
    }

    /** Whether the number is within the bounds; cheap whatever its exponent. */
    public static boolean inBounds(BigDecimal value) {
        if (value == null) {
            return false;
        }
        if (value.signum() == 0) {
            return true;
        }
        int scale = value.scale();
        int precision = value.precision();
        // trailing zeros of the unscaled value do not count as decimals: 78.2000000 is
        // 78.2
        int decimals = scale;
        if (scale > MAX_DECIMALS) {
            BigDecimal stripped = value.stripTrailingZeros();
            decimals = stripped.scale();
            precision = stripped.precision();
            scale = decimals;
        }
        long integerDigits = (long) precision - scale;
        return decimals <= MAX_DECIMALS && integerDigits <= MAX_INTEGER_DIGITS;
    }

    /**
     * Reads a weight typed by a person, as every number is read ({@link Decimals}: a dot
     * as the decimal separator, surrounding spaces ignored).
     * @return the weight, or null when the text is blank, not a number, or out of bounds
     */
    public static BigDecimal parse(String text) {
        Decimals.Read read = Decimals.read(text);
        return read.isNumber() && inBounds(read.value()) ? read.value() : null;
    }

    /**
     * A weight as a person reads it: at least the balance's three decimals, more only
     * when the value has them ({@code 77.500000} → {@code 77.500}, {@code 0.0625} →
     * {@code 0.0625}); "—" for none.
     */
    public static String shown(BigDecimal grams) {
        if (grams == null) {
            return "—";
        }
        if (!inBounds(grams)) {
            return describe(grams);
        }
        return grams.setScale(Math.max(3, grams.stripTrailingZeros().scale()), java.math.RoundingMode.UNNECESSARY)
            .toPlainString();
    }

    /**
     * A short text for any number, for an audit record of a refusal: plain within the
     * bounds, else scientific.
     */
    public static String describe(BigDecimal value) {
        if (value == null) {
            return null;
        }
        return inBounds(value) ? value.toPlainString() : value.round(new java.math.MathContext(6)).toString();
    }

}
