package prepbench.formulas;

import java.math.BigDecimal;

/**
 * A formula line's own tolerance, replacing the default. Either side is given in grams or in percent of the
 * target; a side left null falls back to the default.
 */
public record ToleranceOverride(BigDecimal minusG, BigDecimal plusG, BigDecimal minusPct, BigDecimal plusPct) {

    public static ToleranceOverride absolute(BigDecimal grams) {
        return new ToleranceOverride(grams, grams, null, null);
    }

    public static ToleranceOverride percent(BigDecimal percent) {
        return new ToleranceOverride(null, null, percent, percent);
    }

    public boolean isEmpty() {
        return minusG == null && plusG == null && minusPct == null && plusPct == null;
    }
}
