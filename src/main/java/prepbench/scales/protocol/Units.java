package prepbench.scales.protocol;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.Optional;

/**
 * Weighing units as the balances print them. Only g, kg and mg are read as grams,
 * exactly, by moving the decimal point; nothing goes through a double. Lower case only:
 * that is how all four protocols print them, and "Mg" would be a megagram. Any other
 * unit, even one with a fixed factor such as ct, is never read as grams: a unit switched
 * on the balance stops the weighing instead of being converted behind the technician's
 * back.
 */
final class Units {

    /**
     * Grams in one unit, for the units {@link #fromGrams} can show besides g, kg and mg.
     */
    private static final Map<String, BigDecimal> GRAMS_PER_OTHER_UNIT = Map.of("ct", new BigDecimal("0.2"), "lb",
            new BigDecimal("453.59237"), "oz", new BigDecimal("28.349523125"));

    private Units() {
    }

    /** The value in grams; empty when the unit is not g, kg or mg. */
    static Optional<BigDecimal> toGrams(BigDecimal value, String unit) {
        return switch (unit) {
            case "g" -> Optional.of(value);
            case "kg" -> Optional.of(value.movePointRight(3));
            case "mg" -> Optional.of(value.movePointLeft(3));
            default -> Optional.empty();
        };
    }

    /**
     * The weight in the unit: exact for g, kg and mg; ct, lb and oz (for a simulated unit
     * switch) to 16 digits.
     * @throws IllegalArgumentException for any other unit
     */
    static BigDecimal fromGrams(BigDecimal grams, String unit) {
        return switch (unit) {
            case "g" -> grams;
            case "kg" -> grams.movePointLeft(3);
            case "mg" -> grams.movePointRight(3);
            default -> {
                BigDecimal factor = GRAMS_PER_OTHER_UNIT.get(unit);
                if (factor == null) {
                    throw new IllegalArgumentException("A balance cannot show the unit '" + unit + "'");
                }
                yield grams.divide(factor, MathContext.DECIMAL64);
            }
        };
    }

    /** Why a line in this unit is no weight in grams. */
    static String notGrams(String unit) {
        return "unit " + unit + " is not grams: switch the balance to g";
    }

}
