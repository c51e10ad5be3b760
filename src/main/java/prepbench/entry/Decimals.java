package prepbench.entry;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The one reader of decimal numbers that come from outside: a form, an API body's text, a
 * file's cell. A number is written with digits and a dot as the decimal separator
 * ({@code 12.5}, {@code .5}, {@code 12.}), optionally signed; anything else is refused
 * with the reason, so that each caller can say it in its own words. Arabic-Indic and
 * Persian digits and the Arabic decimal separator are read as their Western forms
 * ({@link Digits}). A comma is never read: "1,500" is 1.5 in one lab and 1500 in the
 * next, and a weight misread by a thousand is worse than a refusal.
 */
public final class Decimals {

    /** Longer text than this is no number PrepBench reads, whatever it says. */
    public static final int MAX_TEXT = 40;

    private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private static final Pattern EXPONENT = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)[eE][+-]?\\d+");

    private static final Pattern SEPARATORS = Pattern.compile("(?=.*\\d)[+-]?[\\d.,'\\s\\u00A0\\u202F]+");

    private Decimals() {
    }

    /** Why a text is not a number. */
    public enum Problem {

        /** Nothing, or only spaces. */
        BLANK,
        /** Longer than {@link #MAX_TEXT}. */
        TOO_LONG,
        /** Written with an exponent, such as {@code 1e-2}. */
        EXPONENT,
        /**
         * Digits with a comma, several dots, or spaces or apostrophes as thousands
         * separators.
         */
        SEPARATORS,
        /** Anything else. */
        NOT_A_NUMBER

    }

    /** What a text reads as: a value, or the problem that kept it from being one. */
    public record Read(BigDecimal value, Problem problem) {

        public boolean isNumber() {
            return value != null;
        }
    }

    /** Reads a decimal number; surrounding spaces are ignored. */
    public static Read read(String text) {
        if (text == null || text.isBlank()) {
            return new Read(null, Problem.BLANK);
        }
        String value = Digits.western(text.strip());
        if (value.length() > MAX_TEXT) {
            return new Read(null, Problem.TOO_LONG);
        }
        if (PLAIN.matcher(value).matches()) {
            String digits = value.startsWith("+") ? value.substring(1) : value;
            return new Read(new BigDecimal(digits.startsWith(".") ? "0" + digits
                    : digits.startsWith("-.") ? "-0" + digits.substring(1) : digits), null);
        }
        if (EXPONENT.matcher(value).matches()) {
            return new Read(null, Problem.EXPONENT);
        }
        return new Read(null, SEPARATORS.matcher(value).matches() ? Problem.SEPARATORS : Problem.NOT_A_NUMBER);
    }

    /** The digits before the decimal point. */
    public static int integerDigits(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return Math.max(0, stripped.precision() - stripped.scale());
    }

    /** The digits after the decimal point, trailing zeros not counted. */
    public static int decimals(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }

}
