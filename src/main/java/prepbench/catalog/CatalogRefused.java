package prepbench.catalog;

import prepbench.access.Refused;
import prepbench.entry.Text;

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

    public CatalogRefused(Reason reason, Text text) {
        super(reason, text);
    }

    public Reason reason() {
        return (Reason) ruleValue();
    }

    /** A draft action on a formula that has no open draft (any more). */
    public static CatalogRefused noDraft(String code) {
        return new CatalogRefused(Reason.NO_DRAFT, Text.of("entry.catalog.no-draft", code));
    }

    /**
     * Someone saved what the editor changed after the editor opened it.
     * @param what what was changed, such as {@code entry.catalog.what.ingredient}
     * ("Ingredient ETH-001")
     * @param by who saved it; null when unknown
     */
    public static CatalogRefused changedMeanwhile(Text what, String by) {
        return new CatalogRefused(Reason.CHANGED_MEANWHILE,
                by == null ? Text.of("entry.catalog.changed-meanwhile", what)
                        : Text.of("entry.catalog.changed-meanwhile-by", what, by));
    }

}
