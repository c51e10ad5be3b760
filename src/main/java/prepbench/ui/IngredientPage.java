package prepbench.ui;

import java.util.List;
import java.util.Map;

import prepbench.audit.AuditEvent;
import prepbench.audit.ChainVerification;
import prepbench.preparation.LotUse;
import prepbench.catalog.Ingredient;

/**
 * One ingredient: its form (new or existing), aliases learned at the bench, label,
 * history, and the lots preparations weighed (each a recall away).
 *
 * @param ingredient null for a new ingredient
 * @param errors messages by form field, {@code form} for the whole form
 */
public record IngredientPage(Ingredient ingredient, IngredientForm form, Map<String, String> errors,
        List<AuditEvent> history, ChainVerification verification, List<LotUse> lots) {

    public IngredientPage {
        errors = Map.copyOf(errors);
        history = List.copyOf(history);
        lots = List.copyOf(lots);
    }

    /** The recall of one lot: every preparation that weighed it, with their samples. */
    public String recall(LotUse lot) {
        return "/preparations?ingredient=" + ingredient.code().value() + "&lot="
                + java.net.URLEncoder.encode(lot.lot(), java.nio.charset.StandardCharsets.UTF_8);
    }

    public boolean isNew() {
        return ingredient == null;
    }

    public String error(String field) {
        return errors.get(field);
    }

    public String invalid(String field) {
        return errors.containsKey(field) ? "is-invalid" : "";
    }
}
