package prepbench.formulas;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * The unit a batch size is given in. Mass units convert to grams; volume units to
 * millilitres.
 */
public enum BatchUnit {

    MG("mg", false, new BigDecimal("0.001")), G("g", false, BigDecimal.ONE), KG("kg", false, new BigDecimal("1000")),
    ML("mL", true, BigDecimal.ONE), L("L", true, new BigDecimal("1000"));

    private final String symbol;

    private final boolean volume;

    private final BigDecimal toBase;

    BatchUnit(String symbol, boolean volume, BigDecimal toBase) {
        this.symbol = symbol;
        this.volume = volume;
        this.toBase = toBase;
    }

    /** Finds a unit by its symbol, ignoring case ("ml" is mL). */
    public static Optional<BatchUnit> fromSymbol(String symbol) {
        if (symbol == null) {
            return Optional.empty();
        }
        String wanted = symbol.strip();
        return Arrays.stream(values()).filter(u -> u.symbol.equalsIgnoreCase(wanted)).findFirst();
    }

    public String symbol() {
        return symbol;
    }

    public boolean isVolume() {
        return volume;
    }

    /** The amount in grams (mass units) or millilitres (volume units). */
    public BigDecimal toBase(BigDecimal amount) {
        return amount.multiply(toBase);
    }

    @Override
    public String toString() {
        return symbol;
    }

}
