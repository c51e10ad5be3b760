package prepbench.formulas;

/** No formula has this code. */
public class FormulaNotFound extends RuntimeException {

    private final FormulaCode code;

    private FormulaNotFound(FormulaCode code) {
        super("Formula not found: " + code);
        this.code = code;
    }

    public static FormulaNotFound forCode(FormulaCode code) {
        return new FormulaNotFound(code);
    }

    public FormulaCode code() {
        return code;
    }

}
