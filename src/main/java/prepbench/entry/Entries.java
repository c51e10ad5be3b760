package prepbench.entry;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Collects what is wrong with an entry field by field, and reads the numbers and texts a
 * lab lead types.
 */
public final class Entries {

    /** Digits before and after the point a form's number may have. */
    private static final int MAX_DIGITS = 12;

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final Map<String, Text> problems = new LinkedHashMap<>();

    /** The field's problem, unless it has one already. */
    public void problem(String field, Text message) {
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

    /**
     * A required, trimmed single-line text of at most max characters.
     * @param label how the problems name the field, such as {@code entry.label.name}
     * ("The name")
     */
    public String text(String field, Text label, String input, int max) {
        String value = input == null ? "" : input.strip();
        if (value.isEmpty()) {
            problem(field, Text.of("entry.required", label));
        }
        else if (value.length() > max) {
            problem(field, Text.of("entry.too-long", label, max, value.length()));
        }
        else if (CONTROL.matcher(value).find()) {
            problem(field, Text.of("entry.control-characters", label));
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
    public Optional<BigDecimal> decimal(String field, Text label, String input) {
        if (input == null || input.isBlank()) {
            return Optional.empty();
        }
        String value = input.strip();
        Decimals.Read read = Decimals.read(value);
        if (read.problem() == Decimals.Problem.SEPARATORS) {
            problem(field, Text.of("entry.separators", label, quoted(value)));
            return Optional.empty();
        }
        if (read.isNumber() && read.value().signum() < 0) {
            problem(field, Text.of("entry.negative", label, quoted(value)));
            return Optional.empty();
        }
        if (!read.isNumber() || Decimals.integerDigits(read.value()) > MAX_DIGITS
                || Decimals.decimals(read.value()) > MAX_DIGITS) {
            problem(field, Text.of("entry.not-a-number", label, quoted(value)));
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
