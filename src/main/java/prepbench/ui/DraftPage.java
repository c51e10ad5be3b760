package prepbench.ui;

import java.util.List;
import java.util.Map;

import prepbench.formulas.BatchUnit;
import prepbench.formulas.FormulaVersion;

/**
 * The draft editor.
 *
 * @param ingredientCodes the active ingredients, offered as the lab lead types
 * @param errors messages by field: {@code name}, {@code batchAmount}, {@code lines[3].amount}, {@code form}
 */
public record DraftPage(FormulaVersion draft, DraftForm form, List<String> ingredientCodes,
        Map<String, String> errors) {

    public DraftPage {
        ingredientCodes = List.copyOf(ingredientCodes);
        errors = Map.copyOf(errors);
    }

    public String error(String field) {
        return errors.get(field);
    }

    public String invalid(String field) {
        return errors.containsKey(field) ? "is-invalid" : "";
    }

    public List<BatchUnit> units() {
        return List.of(BatchUnit.values());
    }
}
