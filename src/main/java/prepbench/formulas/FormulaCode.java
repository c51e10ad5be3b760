package prepbench.formulas;

import java.util.Optional;
import prepbench.entry.Codes;

/**
 * A formula's code, such as {@code PRM00936}. Codes compare case-insensitively, so the
 * canonical form is upper case. A code is 1 to 32 characters: letters, digits, '-', '_'
 * and '.', starting with a letter or digit.
 */
public record FormulaCode(String value) {

    public static final int MAX_LENGTH = 32;

    public FormulaCode {
        if (!Codes.isCanonical(value)) {
            throw new InvalidFormulaCode(value);
        }
    }

    /**
     * Parses user input: trims it and upper-cases it; refuses anything that is not a
     * code.
     */
    public static FormulaCode of(String input) {
        return tryParse(input).orElseThrow(() -> new InvalidFormulaCode(input));
    }

    /** Like {@link #of(String)}, but answers empty instead of refusing. */
    public static Optional<FormulaCode> tryParse(String input) {
        return Codes.canonical(input).map(FormulaCode::new);
    }

    @Override
    public String toString() {
        return value;
    }
}
