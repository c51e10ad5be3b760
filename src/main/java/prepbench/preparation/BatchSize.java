package prepbench.preparation;

import java.math.BigDecimal;

import prepbench.formulas.BatchUnit;

/** How much of a formula to prepare: an amount in a mass or volume unit. */
public record BatchSize(BigDecimal amount, BatchUnit unit) {

    private static final int MAX_DECIMALS = 6;

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

    /** Reads a batch size from form or JSON text; every refusal says what to enter instead. */
    public static BatchSize parse(String amount, String unit) {
        if (amount == null || amount.isBlank()) {
            throw InvalidBatch.amount("Enter the batch size: an amount such as 100.");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(amount.strip().replace(',', '.'));
        } catch (NumberFormatException notANumber) {
            throw InvalidBatch.amount("The batch size must be a number, such as 100 or 2.5.");
        }
        if (value.precision() - value.scale() > 12) {
            throw InvalidBatch.amount("The batch size is far too large. Enter a bench-scale amount, such as 100 g.");
        }
        BatchUnit batchUnit = BatchUnit.fromSymbol(unit).orElseThrow(() -> InvalidBatch.unit(
                "Unknown unit. Choose g, kg, mg, mL or L."));
        return new BatchSize(value, batchUnit);
    }

    @Override
    public String toString() {
        return amount.stripTrailingZeros().toPlainString() + " " + unit.symbol();
    }
}
