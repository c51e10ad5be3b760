package prepbench.preparation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import prepbench.entry.Text;
import prepbench.formulas.ReleasedFormula;

/**
 * Scales a released formula to a batch: the batch mass and every line's target and
 * tolerance. Fractions are mass fractions. A volume batch is converted to mass through
 * the ingredients' densities, assuming ideal mixing: mass = volume / &Sigma;(fraction /
 * density).
 */
record BatchPlan(BigDecimal batchMassG, List<PlannedStep> steps) {

    record PlannedStep(ReleasedFormula.Line line, BigDecimal targetG, Tolerance tolerance) {
    }

    static BatchPlan of(ReleasedFormula formula, BatchSize batch, BigDecimal readabilityG, BigDecimal maxBatchG) {
        BigDecimal massG = batchMassG(formula, batch);
        if (massG.compareTo(maxBatchG) > 0) {
            throw InvalidBatch.amount(Text.of("refused.batch.over-bench", batch.toString(),
                    maxBatchG.stripTrailingZeros().toPlainString()));
        }
        List<PlannedStep> steps = new ArrayList<>(formula.lines().size());
        for (ReleasedFormula.Line line : formula.lines()) {
            BigDecimal target = line.fraction()
                .multiply(massG)
                .divide(readabilityG, 0, RoundingMode.HALF_UP)
                .multiply(readabilityG);
            if (target.signum() <= 0) {
                throw InvalidBatch.amount(Text.of("refused.batch.too-small", batch.toString(),
                        String.valueOf(line.ingredientName()), readabilityG.toPlainString()));
            }
            steps.add(new PlannedStep(line, target, Tolerance.forTarget(target, line.tolerance(), readabilityG)));
        }
        return new BatchPlan(massG.setScale(Math.max(3, readabilityG.scale()), RoundingMode.HALF_UP), steps);
    }

    private static BigDecimal batchMassG(ReleasedFormula formula, BatchSize batch) {
        BigDecimal base = batch.unit().toBase(batch.amount());
        if (!batch.unit().isVolume()) {
            return base;
        }
        List<String> withoutDensity = formula.lines()
            .stream()
            .filter(line -> line.densityGPerMl() == null)
            .map(ReleasedFormula.Line::ingredientName)
            .toList();
        if (!withoutDensity.isEmpty()) {
            throw InvalidBatch.unit(Text.of("refused.batch.no-density", String.valueOf(formula.code()),
                    String.join(", ", withoutDensity)));
        }
        BigDecimal millilitresPerGram = formula.lines()
            .stream()
            .map(line -> line.fraction().divide(line.densityGPerMl(), MathContext.DECIMAL64))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
        return base.divide(millilitresPerGram, MathContext.DECIMAL64);
    }
}
