package prepbench.formulas;

import prepbench.entry.Text;
import prepbench.entry.WordedRefusal;

/** The formula exists but has no released version, so it cannot be prepared. */
public class NoReleasedVersion extends WordedRefusal {

    private final FormulaCode code;

    private NoReleasedVersion(FormulaCode code, Text text) {
        super(text);
        this.code = code;
    }

    public static NoReleasedVersion of(FormulaCode code) {
        return new NoReleasedVersion(code, Text.of("entry.formula.no-released-version", code));
    }

    public FormulaCode code() {
        return code;
    }

}
