package prepbench.preparation;

import prepbench.access.Refused;
import prepbench.entry.Text;

/**
 * A step or session action the rules refuse. Nothing changes, except that the refusal
 * itself is audited. The message tells the technician what to do next; {@link #reason()}
 * names the rule, for scripts and the audit trail.
 */
public class ActionRefused extends Refused {

    /** The rule that refused the action; the API answers its name as {@code "reason"}. */
    public enum Reason {

        NOT_IN_PROGRESS, NOT_YOUR_SESSION, NOT_ACTIVE_STEP, STEP_DONE, UNREADABLE_LABEL, SYMBOLOGY_NOT_ALLOWED,
        WRONG_INGREDIENT, EXPIRED, NOT_SCANNED, LOT_REQUIRED, NOT_TARED, NO_VESSEL, UNSTABLE, UNDER_TARGET, OVER_TARGET,
        INVALID_WEIGHT, BALANCE_OFFLINE, BALANCE_OVERLOAD, BALANCE_UNDERLOAD, BALANCE_ERROR, BALANCE_NOT_READY,
        NO_PREPARATION_HERE, REASON_REQUIRED, REASON_TOO_LONG, NOT_LOCKED, WRONG_PASSWORD, MEANING_REQUIRED, AT_STATION

    }

    ActionRefused(Reason reason, Text text) {
        super(reason, text);
    }

    public Reason reason() {
        return (Reason) ruleValue();
    }

}
