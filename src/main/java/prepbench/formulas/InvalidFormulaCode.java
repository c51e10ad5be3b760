package prepbench.formulas;

/**
 * Input that cannot be a formula code at all (as opposed to a well-formed code nobody
 * knows).
 */
public class InvalidFormulaCode extends RuntimeException {

    private final String input;

    public InvalidFormulaCode(String input) {
        super(input == null || input.isBlank() ? "Enter or scan a formula code."
                : "This is not a formula code: letters, digits, '-', '_' and '.' only, at most "
                        + FormulaCode.MAX_LENGTH + " characters.");
        this.input = input == null ? "" : input;
    }

    /** What the user gave, unchanged; escape it before showing it. */
    public String input() {
        return input;
    }

}
