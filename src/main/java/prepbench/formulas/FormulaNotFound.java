package prepbench.formulas;

import prepbench.entry.Text;
import prepbench.entry.Worded;

/** No formula has this code. */
public class FormulaNotFound extends RuntimeException implements Worded {

    private final FormulaCode code;

    private final Text text;

    private FormulaNotFound(FormulaCode code) {
        this(code, Text.of("entry.formula.not-found", code));
    }

    private FormulaNotFound(FormulaCode code, Text text) {
        super(text.english());
        this.code = code;
        this.text = text;
    }

    public static FormulaNotFound forCode(FormulaCode code) {
        return new FormulaNotFound(code);
    }

    public FormulaCode code() {
        return code;
    }

    @Override
    public Text text() {
        return text;
    }

}
