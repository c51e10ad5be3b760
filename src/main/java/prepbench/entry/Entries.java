package prepbench.entry;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import prepbench.entry.Decimals;

/**
 * Collects what is wrong with an entry field by field, and reads the numbers and texts a
 * lab lead types.
 */
public final class Entries {

    /** Digits before and after the point a form's number may have. */
    private static final int MAX_DIGITS = 12;

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final Map<String, Object> problems = new LinkedHashMap<>();

    public void problem(String field, Text message) {
        problems.putIfAbsent(field, message);
    }

    public void problem(String field, String message) {
        problems.putIfAbsent(field, message);
    }

    public boolean has(String field) {
        return problems.containsKey(field);
    }

    /** Throws every problem found so far, if there is one. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidEntry(problems);
        }
    }

    /** A required, trimmed single-line text of at most max characters. */
    public String text(String field, String label, String input, int max) {
        String value = input == null ? "" : input.strip();
        if (value.isEmpty()) {
            problem(field, label + " is required.");
        }
        else if (value.length() > max) {
            problem(field, label + " is at most " + max + " characters (" + value.length() + " given).");
        }
        else if (CONTROL.matcher(value).find()) {
            problem(field, label + " cannot contain line breaks, tabs or other control characters.");
        }
        else {
            return value;
        }
        return null;
    }

    /**
     * An optional plain decimal ("12.5", ".5"), or empty when blank; a problem when it is
     * not a number.
     */
    public Optional<BigDecimal> decimal(String field, String label, String input) {
        if (input == null || input.isBlank()) {
            return Optional.empty();
        }
        String value = input.strip();
        Decimals.Read read = Decimals.read(value);
        if (read.problem() == Decimals.Problem.SEPARATORS) {
            problem(field, label + ": write " + quoted(value) + " with a dot as the decimal separator and no "
                    + "thousands separators.");
            return Optional.empty();
        }
        if (read.isNumber() && read.value().signum() < 0) {
            problem(field, label + " cannot be negative (" + quoted(value) + ").");
            return Optional.empty();
        }
        if (!read.isNumber() || Decimals.integerDigits(read.value()) > MAX_DIGITS
                || Decimals.decimals(read.value()) > MAX_DIGITS) {
            problem(field, label + ": " + quoted(value) + " is not a number. Enter digits, such as 12.5.");
            return Optional.empty();
        }
        return Optional.of(read.value());
    }

    public static int decimals(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }

    public static String quoted(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return "\"" + CONTROL.matcher(shown).replaceAll("?") + "\"";
    }

}
