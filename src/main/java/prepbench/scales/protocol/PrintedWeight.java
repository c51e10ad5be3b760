package prepbench.scales.protocol;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import prepbench.scales.Reading;
import prepbench.scales.ScaleState;

/**
 * A value and its unit as a balance prints them: a sign ('+', '-' or none), ASCII digits
 * with at most one decimal point, then the unit, after spaces or glued on
 * ({@code +000.123 g}, {@code +0012345kg}, {@code -   0.002 g}). Spaces may pad every
 * part, so fields are found by what they hold, not by their column. No exponent, no
 * thousands separator, no decimal comma.
 *
 * @param value the value in the printed unit
 * @param unit the unit as printed; empty when the line printed none
 */
record PrintedWeight(BigDecimal value, String unit) {

    private static final Pattern PRINTED = Pattern.compile(" *([+-]?) *(\\d+(?:\\.\\d*)?|\\.\\d+) *([A-Za-z%/:]*) *");

    /**
     * Reads a value and unit that fill the whole text; empty when the text is anything
     * else.
     */
    static Optional<PrintedWeight> parse(String text) {
        Matcher printed = PRINTED.matcher(text);
        if (!printed.matches()) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(printed.group(2));
        return Optional.of(new PrintedWeight("-".equals(printed.group(1)) ? value.negate() : value, printed.group(3)));
    }

    /** The weight as a balance showing this unit prints it. */
    static PrintedWeight of(BigDecimal grams, String unit) {
        return new PrintedWeight(Units.fromGrams(grams, unit), unit);
    }

    /**
     * The weight this line reports: in grams when its unit is g, kg or mg, stable or not.
     */
    Decoded decode(boolean stable, Instant at) {
        if (unit.isEmpty()) {
            return new Decoded.Failure("a weight without its unit");
        }
        return Units.toGrams(value, unit)
            .<Decoded>map(grams -> new Decoded.Weight(
                    new Reading(grams, stable, at, stable ? ScaleState.OK : ScaleState.UNSTABLE), unit))
            .orElseGet(() -> new Decoded.NotAWeight(Units.notGrams(unit)));
    }

    boolean negative() {
        return value.signum() < 0;
    }

    /**
     * The value without its sign, rounded half-up to as many decimals as fit in
     * {@code width} characters.
     * @throws IllegalArgumentException when even the whole number does not fit
     */
    String digits(int width) {
        BigDecimal abs = value.abs();
        for (int scale = Math.max(abs.scale(), 0); scale >= 0; scale--) {
            String digits = abs.setScale(scale, RoundingMode.HALF_UP).toPlainString();
            if (digits.length() <= width) {
                return digits;
            }
        }
        throw new IllegalArgumentException(
                value.toPlainString() + " " + unit + " does not fit in " + width + " characters");
    }

    /** The value with a '-' when negative, right-aligned in {@code width} characters. */
    String signed(int width) {
        String signed = (negative() ? "-" : "") + digits(negative() ? width - 1 : width);
        return " ".repeat(width - signed.length()) + signed;
    }
}
