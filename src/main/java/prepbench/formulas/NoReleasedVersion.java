package prepbench.formulas;

import prepbench.entry.Text;
import prepbench.entry.Worded;

/** The formula exists but has no released version, so it cannot be prepared. */
public class NoReleasedVersion extends RuntimeException implements Worded {

    private final FormulaCode code;

    private final Text text;

    private NoReleasedVersion(FormulaCode code, Text text) {
        super(text.english());
        this.code = code;
        this.text = text;
    }

    public static NoReleasedVersion of(FormulaCode code) {
        return new NoReleasedVersion(code, Text.of("entry.formula.no-released-version", code));
    }

    public FormulaCode code() {
        return code;
    }

    @Override
    public Text text() {
        return text;
    }

}
