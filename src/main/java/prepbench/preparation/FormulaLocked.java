package prepbench.preparation;

import java.time.Instant;

import prepbench.entry.Text;
import prepbench.entry.WordedRefusal;
import prepbench.formulas.FormulaCode;

/** The formula is locked after a failure: no new attempt until a lab lead releases it. */
public class FormulaLocked extends WordedRefusal {

    private final FormulaCode code;

    private final Instant lockedAt;

    private final String reason;

    FormulaLocked(FormulaCode code, Instant lockedAt, String reason) {
        this(code, lockedAt, reason, Text.of("refused.formula.locked", String.valueOf(code), String.valueOf(reason)));
    }

    private FormulaLocked(FormulaCode code, Instant lockedAt, String reason, Text text) {
        super(text);
        this.code = code;
        this.lockedAt = lockedAt;
        this.reason = reason;
    }

    public FormulaCode code() {
        return code;
    }

    public Instant lockedAt() {
        return lockedAt;
    }

    public String reason() {
        return reason;
    }

}
