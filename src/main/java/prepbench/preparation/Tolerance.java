package prepbench.preparation;

import java.math.BigDecimal;
import java.math.RoundingMode;

import prepbench.formulas.ToleranceOverride;

/** How far below and above its target a step's weight may be, in grams. */
public record Tolerance(BigDecimal minusG, BigDecimal plusG) {

    static final BigDecimal DEFAULT_PERCENT = new BigDecimal("0.5");
    static final BigDecimal DEFAULT_MINIMUM_G = new BigDecimal("0.010");

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    public Tolerance {
        if (minusG == null || plusG == null || minusG.signum() < 0 || plusG.signum() < 0) {
            throw new IllegalArgumentException("A tolerance is two non-negative masses");
        }
    }

    /**
     * The tolerance of a step: max(0.5 % of the target, 0.010 g) on each side unless the
     * formula line overrides that side, in grams or in percent of the target. Rounded up
     * to the balance readability, so a tolerance is never tighter than the balance can
     * show.
     */
    static Tolerance forTarget(BigDecimal targetG, ToleranceOverride override, BigDecimal readabilityG) {
        BigDecimal byDefault = percentOf(targetG, DEFAULT_PERCENT).max(DEFAULT_MINIMUM_G);
        BigDecimal minus = byDefault;
        BigDecimal plus = byDefault;
        if (override != null) {
            minus = side(override.minusG(), override.minusPct(), targetG, byDefault);
            plus = side(override.plusG(), override.plusPct(), targetG, byDefault);
        }
        return new Tolerance(roundUp(minus, readabilityG), roundUp(plus, readabilityG));
    }

    public boolean isSymmetric() {
        return minusG.compareTo(plusG) == 0;
    }

    public BigDecimal lowerLimit(BigDecimal targetG) {
        return targetG.subtract(minusG);
    }

    public BigDecimal upperLimit(BigDecimal targetG) {
        return targetG.add(plusG);
    }

    private static BigDecimal side(BigDecimal grams, BigDecimal percent, BigDecimal targetG, BigDecimal byDefault) {
        if (grams != null) {
            return grams;
        }
        return percent != null ? percentOf(targetG, percent) : byDefault;
    }

    private static BigDecimal percentOf(BigDecimal value, BigDecimal percent) {
        return value.multiply(percent).divide(HUNDRED);
    }

    static BigDecimal roundUp(BigDecimal grams, BigDecimal readabilityG) {
        return grams.divide(readabilityG, 0, RoundingMode.CEILING).multiply(readabilityG);
    }
}
