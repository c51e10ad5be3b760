package prepbench.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import prepbench.formulas.FormulaSummary;
import prepbench.formulas.ReleasedFormula;
import prepbench.formulas.ToleranceOverride;

/**
 * A formula as the API shows it: the summary, and the released version's lines when there
 * is one.
 */
record FormulaDto(UUID id, String code, String name, Integer releasedVersionNo, int lineCount, BigDecimal defaultAmount,
        String defaultUnit, Boolean volumeBatches, List<LineDto> lines) {

    static FormulaDto summary(FormulaSummary formula) {
        return new FormulaDto(formula.id(), formula.code().value(), formula.name(), formula.releasedVersionNo(),
                formula.lineCount(), Json.plain(formula.defaultAmount()),
                formula.defaultUnit() == null ? null : formula.defaultUnit().symbol(), null, null);
    }

    static FormulaDto released(ReleasedFormula formula) {
        return new FormulaDto(formula.formulaId(), formula.code().value(), formula.name(), formula.versionNo(),
                formula.lines().size(), Json.plain(formula.defaultAmount()), formula.defaultUnit().symbol(),
                formula.allowsVolumeBatches(), formula.lines().stream().map(LineDto::of).toList());
    }

    record LineDto(int lineNo, UUID ingredientId, String ingredientCode, String ingredientName, BigDecimal fraction,
            BigDecimal densityGPerMl, BigDecimal toleranceMinusG, BigDecimal tolerancePlusG,
            BigDecimal toleranceMinusPct, BigDecimal tolerancePlusPct) {

        static LineDto of(ReleasedFormula.Line line) {
            ToleranceOverride tolerance = line.tolerance() == null ? new ToleranceOverride(null, null, null, null)
                    : line.tolerance();
            return new LineDto(line.lineNo(), line.ingredientId(), line.ingredientCode(), line.ingredientName(),
                    Json.plain(line.fraction()), Json.plain(line.densityGPerMl()), Json.plain(tolerance.minusG()),
                    Json.plain(tolerance.plusG()), Json.plain(tolerance.minusPct()), Json.plain(tolerance.plusPct()));
        }
    }
}
