package prepbench.ui;

import java.util.List;
import java.util.Map;

import prepbench.audit.AuditEvent;
import prepbench.audit.ChainVerification;
import prepbench.catalog.Ingredient;

/**
 * One ingredient: its form (new or existing), aliases learned at the bench, label and
 * history.
 *
 * @param ingredient null for a new ingredient
 * @param errors messages by form field, {@code form} for the whole form
 */
public record IngredientPage(Ingredient ingredient, IngredientForm form, Map<String, String> errors,
        List<AuditEvent> history, ChainVerification verification) {

    public IngredientPage {
        errors = Map.copyOf(errors);
        history = List.copyOf(history);
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
