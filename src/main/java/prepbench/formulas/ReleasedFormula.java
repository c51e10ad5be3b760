package prepbench.formulas;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The version of a formula that preparations use now, with everything a preparation
 * copies from it.
 */
public record ReleasedFormula(UUID formulaId, FormulaCode code, String name, UUID versionId, int versionNo,
        BigDecimal defaultAmount, BatchUnit defaultUnit, List<Line> lines) {

    public ReleasedFormula {
        lines = List.copyOf(lines);
    }

    /**
     * Whether every line's ingredient has a density, which a batch given in mL or L
     * needs.
     */
    public boolean allowsVolumeBatches() {
        return lines.stream().allMatch(line -> line.densityGPerMl() != null);
    }

    /**
     * One ingredient of the formula.
     *
     * @param fraction mass fraction of the batch, 0 &lt; fraction &le; 1
     * @param densityGPerMl null when unknown
     * @param tolerance null when the line uses the default tolerance
     */
    public record Line(int lineNo, UUID ingredientId, String ingredientCode, String ingredientName, BigDecimal fraction,
            BigDecimal densityGPerMl, ToleranceOverride tolerance, String primaryCodeValue,
            List<String> alternativeCodeValues, String allowedSymbologies, String parser, boolean lotRequired) {

        public Line {
            alternativeCodeValues = List.copyOf(alternativeCodeValues);
        }
    }
}
