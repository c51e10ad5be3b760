package prepbench.formulas;

/** The formula exists but has no released version, so it cannot be prepared. */
public class NoReleasedVersion extends RuntimeException {

    private final FormulaCode code;

    private NoReleasedVersion(FormulaCode code) {
        super("Formula " + code + " has no released version, so it cannot be prepared yet. "
                + "Ask a lab lead to release it.");
        this.code = code;
    }

    public static NoReleasedVersion of(FormulaCode code) {
        return new NoReleasedVersion(code);
    }

    public FormulaCode code() {
        return code;
    }

}
