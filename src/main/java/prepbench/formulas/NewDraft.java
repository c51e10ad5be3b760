package prepbench.formulas;

import java.math.BigDecimal;
import java.util.List;

/**
 * A formula to write as a new draft version, as read from a file: its values are checked
 * one by one already, its ingredients and its formula are checked against the catalogue
 * by {@link FormulaImport}.
 *
 * @param lines in order; a line's number is its position
 */
public record NewDraft(FormulaCode code, String name, BigDecimal batchAmount, BatchUnit batchUnit, List<Line> lines) {

    public NewDraft {
        lines = List.copyOf(lines);
    }

    /**
     * @param tolerance the line's own tolerance; null for the default
     */
    public record Line(String ingredientCode, BigDecimal fraction, ToleranceOverride tolerance) {
    }
}
