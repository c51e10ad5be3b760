package prepbench.formulas;

/**
 * A change to the catalogue that the rules do not allow now; nothing was changed. The code names the rule for
 * clients, the message says what to do.
 */
public class CatalogRefused extends RuntimeException {

    private final String code;

    CatalogRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    static CatalogRefused notPermitted(String username) {
        return new CatalogRefused("NOT_PERMITTED", "Only lab leads and admins change ingredients and formulas ("
                + username + " may read them). Ask a lab lead.");
    }

    /** A draft action on a formula that has no open draft (any more). */
    public static CatalogRefused noDraft(FormulaCode code) {
        return new CatalogRefused("NO_DRAFT", "Formula " + code + " has no open draft (it was released or discarded). "
                + "Open the formula to see its versions, and choose Edit to open a new draft.");
    }

    static CatalogRefused changedMeanwhile(String what, String by) {
        return new CatalogRefused("CHANGED_MEANWHILE", what + " was changed" + (by == null ? "" : " by " + by)
                + " after you opened it, so your changes were not saved. Reload it, then make your changes again.");
    }
}
