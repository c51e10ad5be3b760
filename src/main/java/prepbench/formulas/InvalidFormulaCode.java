package prepbench.formulas;

import prepbench.entry.Text;
import prepbench.entry.WordedRefusal;

/**
 * Input that cannot be a formula code at all (as opposed to a well-formed code nobody
 * knows).
 */
public class InvalidFormulaCode extends WordedRefusal {

    private final String input;

    public InvalidFormulaCode(String input) {
        this(input, input == null || input.isBlank() ? Text.of("entry.formula.code-missing")
                : Text.of("entry.formula.not-a-code", FormulaCode.MAX_LENGTH));
    }

    private InvalidFormulaCode(String input, Text text) {
        super(text);
        this.input = input == null ? "" : input;
    }

    /** What the user gave, unchanged; escape it before showing it. */
    public String input() {
        return input;
    }

}
