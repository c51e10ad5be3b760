package prepbench.formulas;

import prepbench.entry.Text;
import prepbench.entry.WordedRefusal;

/** No formula has this code. */
public class FormulaNotFound extends WordedRefusal {

    private final FormulaCode code;

    private FormulaNotFound(FormulaCode code) {
        this(code, Text.of("entry.formula.not-found", code));
    }

    private FormulaNotFound(FormulaCode code, Text text) {
        super(text);
        this.code = code;
    }

    public static FormulaNotFound forCode(FormulaCode code) {
        return new FormulaNotFound(code);
    }

    public FormulaCode code() {
        return code;
    }

}
