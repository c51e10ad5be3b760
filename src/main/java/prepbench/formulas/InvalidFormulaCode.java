package prepbench.formulas;

import prepbench.entry.Text;
import prepbench.entry.Worded;

/**
 * Input that cannot be a formula code at all (as opposed to a well-formed code nobody
 * knows).
 */
public class InvalidFormulaCode extends RuntimeException implements Worded {

    private final String input;

    private final Text text;

    public InvalidFormulaCode(String input) {
        this(input, input == null || input.isBlank() ? Text.of("entry.formula.code-missing")
                : Text.of("entry.formula.not-a-code", FormulaCode.MAX_LENGTH));
    }

    private InvalidFormulaCode(String input, Text text) {
        super(text.english());
        this.input = input == null ? "" : input;
        this.text = text;
    }

    /** What the user gave, unchanged; escape it before showing it. */
    public String input() {
        return input;
    }

    @Override
    public Text text() {
        return text;
    }

}
