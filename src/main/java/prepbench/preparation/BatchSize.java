package prepbench.preparation;

import java.math.BigDecimal;

import prepbench.entry.Decimals;
import prepbench.entry.Text;
import prepbench.formulas.BatchUnit;

/** How much of a formula to prepare: an amount in a mass or volume unit. */
public record BatchSize(BigDecimal amount, BatchUnit unit) {

    private static final int MAX_DECIMALS = 6;

    private static final int MAX_INTEGER_DIGITS = 12;

    public BatchSize {
        if (amount == null || unit == null) {
            throw InvalidBatch.amount(Text.of("refused.batch.required"));
        }
        if (amount.signum() <= 0) {
            throw InvalidBatch.amount(Text.of("refused.batch.not-positive"));
        }
        if (amount.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw InvalidBatch.amount(Text.of("refused.batch.too-many-decimals", MAX_DECIMALS));
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
                case BLANK -> Text.of("refused.batch.blank");
                case SEPARATORS -> Text.of("refused.batch.separators");
                default -> Text.of("refused.batch.not-a-number");
            });
        }
        BigDecimal value = read.value();
        if (Decimals.integerDigits(value) > MAX_INTEGER_DIGITS) {
            throw InvalidBatch.amount(Text.of("refused.batch.too-large"));
        }
        BatchUnit batchUnit = BatchUnit.fromSymbol(unit)
            .orElseThrow(() -> InvalidBatch.unit(Text.of("refused.batch.unknown-unit")));
        return new BatchSize(value, batchUnit);
    }

    @Override
    public String toString() {
        return amount.stripTrailingZeros().toPlainString() + " " + unit.symbol();
    }
}
