package prepbench.api;

import java.math.BigDecimal;

/**
 * How the API writes numbers: plain decimals without trailing zeros, never in exponent
 * notation.
 */
final class Json {

    private Json() {
    }

    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

}
