package prepbench.ui;

import java.util.Map;

import prepbench.formulas.FormulaSummary;
import prepbench.formulas.ReleasedFormula;

/**
 * A formula before a preparation starts: its released version's lines and the batch-size
 * form.
 *
 * @param released null when the formula has no released version
 * @param errors messages by form field ({@code amount}, {@code unit}, {@code form})
 */
public record FormulaPage(FormulaSummary formula, ReleasedFormula released, String amount, String unit,
        Map<String, String> errors) {

    public FormulaPage {
        errors = Map.copyOf(errors);
    }

    public String error(String field) {
        return errors.get(field);
    }
}
