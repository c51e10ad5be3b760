package prepbench.formulas;

import java.math.BigDecimal;

/**
 * A formula line's own tolerance, replacing the default. Either side is given in grams or
 * in percent of the target; a side left null falls back to the default.
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

    /**
     * The minus side in words, as pages and the audit trail write it: "0.5 g", "2 %" or
     * "default".
     */
    public String minusSide() {
        return side(minusG, minusPct);
    }

    /** The plus side in words, as {@link #minusSide()}. */
    public String plusSide() {
        return side(plusG, plusPct);
    }

    private static String side(BigDecimal grams, BigDecimal percent) {
        if (grams != null) {
            return grams.stripTrailingZeros().toPlainString() + " g";
        }
        return percent == null ? "default" : percent.stripTrailingZeros().toPlainString() + " %";
    }
}
