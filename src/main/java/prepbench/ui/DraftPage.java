package prepbench.ui;

import java.util.List;
import java.util.Map;

import prepbench.formulas.BatchUnit;
import prepbench.formulas.FormulaVersion;

/**
 * The draft editor.
 *
 * @param ingredientNames the active ingredients' names by code, offered as the lab lead
 * types and shown beside each line
 * @param errors messages by field: {@code name}, {@code batchAmount},
 * {@code lines[3].amount}, {@code form}
 */
public record DraftPage(FormulaVersion draft, DraftForm form, Map<String, String> ingredientNames,
        Map<String, String> errors) {

    public DraftPage {
        ingredientNames = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(ingredientNames));
        errors = Map.copyOf(errors);
    }

    /**
     * The name of the ingredient a line names, or "" when the code is blank or unknown.
     */
    public String nameOf(String code) {
        return code == null ? "" : ingredientNames.getOrDefault(code.strip().toUpperCase(java.util.Locale.ROOT), "");
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
