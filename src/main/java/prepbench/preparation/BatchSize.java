package prepbench.preparation;

import java.math.BigDecimal;

import prepbench.entry.Decimals;
import prepbench.formulas.BatchUnit;

/** How much of a formula to prepare: an amount in a mass or volume unit. */
public record BatchSize(BigDecimal amount, BatchUnit unit) {

    private static final int MAX_DECIMALS = 6;

    private static final int MAX_INTEGER_DIGITS = 12;

    public BatchSize {
        if (amount == null || unit == null) {
            throw InvalidBatch.amount("Enter the batch size: an amount and a unit (g, kg, mg, mL or L).");
        }
        if (amount.signum() <= 0) {
            throw InvalidBatch.amount("The batch size must be more than zero. Enter an amount such as 100.");
        }
        if (amount.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw InvalidBatch.amount("The batch size has too many decimals: use at most " + MAX_DECIMALS + ".");
        }
    }

    /**
     * Reads a batch size from form or JSON text; every refusal says what to enter
     * instead.
     */
    public static BatchSize parse(String amount, String unit) {
        Decimals.Read read = Decimals.read(amount);
        if (!read.isNumber()) {
            throw InvalidBatch.amount(switch (read.problem()) {
                case BLANK -> "Enter the batch size: an amount such as 100.";
                case SEPARATORS -> "Write the batch size with a dot as the decimal separator and no thousands "
                        + "separators, such as 2.5 or 1500.";
                default -> "The batch size must be a number, such as 100 or 2.5.";
            });
        }
        BigDecimal value = read.value();
        if (Decimals.integerDigits(value) > MAX_INTEGER_DIGITS) {
            throw InvalidBatch.amount("The batch size is far too large. Enter a bench-scale amount, such as 100 g.");
        }
        BatchUnit batchUnit = BatchUnit.fromSymbol(unit)
            .orElseThrow(() -> InvalidBatch.unit("Unknown unit. Choose g, kg, mg, mL or L."));
        return new BatchSize(value, batchUnit);
    }

    @Override
    public String toString() {
        return amount.stripTrailingZeros().toPlainString() + " " + unit.symbol();
    }
}
