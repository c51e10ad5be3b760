package prepbench.preparation;

import java.time.Instant;

import prepbench.formulas.FormulaCode;

/** The formula is locked after a failure: no new attempt until a lab lead releases it. */
public class FormulaLocked extends RuntimeException {

    private final FormulaCode code;

    private final Instant lockedAt;

    private final String reason;

    FormulaLocked(FormulaCode code, Instant lockedAt, String reason) {
        super("Formula " + code + " is locked: " + reason + ". A lab lead must release the lock with their "
                + "password before a new attempt can start.");
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
