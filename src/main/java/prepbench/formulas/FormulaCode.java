package prepbench.formulas;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A formula's code, such as {@code PRM00936}. Codes compare case-insensitively, so the canonical form
 * is upper case. A code is 1 to 32 characters: letters, digits, '-', '_' and '.', starting with a
 * letter or digit.
 */
public record FormulaCode(String value) {

    public static final int MAX_LENGTH = 32;

    private static final Pattern SYNTAX = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,31}");

    public FormulaCode {
        if (value == null || !SYNTAX.matcher(value).matches()) {
            throw new InvalidFormulaCode(value);
        }
    }

    /** Parses user input: trims it and upper-cases it; refuses anything that is not a code. */
    public static FormulaCode of(String input) {
        return tryParse(input).orElseThrow(() -> new InvalidFormulaCode(input));
    }

    /** Like {@link #of(String)}, but answers empty instead of refusing. */
    public static Optional<FormulaCode> tryParse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String candidate = input.strip().toUpperCase(Locale.ROOT);
        return SYNTAX.matcher(candidate).matches() ? Optional.of(new FormulaCode(candidate)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
