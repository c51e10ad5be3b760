package prepbench.catalog;

import prepbench.access.Refused;

/**
 * A change to the catalogue that the rules do not allow now; nothing was changed.
 * {@link #reason()} names the rule for clients, the message says what to do.
 */
public class CatalogRefused extends Refused {

    /** The rule that refused the change; the API answers its name as {@code "reason"}. */
    public enum Reason {

        NO_DRAFT, NOT_A_DRAFT, ONLY_VERSION, NOT_RELEASED, CHANGED_MEANWHILE, NO_LINES, SUM_NOT_100,
        INACTIVE_INGREDIENT, DENSITY_MISSING, MEANING_REQUIRED, WRONG_PASSWORD, NO_SUCH_ALIAS

    }

    public CatalogRefused(Reason reason, String message) {
        super(reason, message);
    }

    public Reason reason() {
        return (Reason) ruleValue();
    }

    /** A draft action on a formula that has no open draft (any more). */
    public static CatalogRefused noDraft(String code) {
        return new CatalogRefused(Reason.NO_DRAFT, "Formula " + code + " has no open draft (it was released or "
                + "discarded). Open the formula to see its versions, and choose Edit to open a new draft.");
    }

    public static CatalogRefused changedMeanwhile(String what, String by) {
        return new CatalogRefused(Reason.CHANGED_MEANWHILE, what + " was changed" + (by == null ? "" : " by " + by)
                + " after you opened it, so your changes were not saved. Reload it, then make your changes again.");
    }

}
