package prepbench.scanning;

import prepbench.entry.Text;
import prepbench.entry.WordedRefusal;

/**
 * A container label that cannot be read. The message is a sentence for the lab technician
 * that says what is wrong and what to do; it never repeats the scanned text, only GS1
 * field numbers and digits. {@link #reason()} is the short machine-readable reason.
 */
public final class LabelRefused extends WordedRefusal {

    /** Why a label was refused. */
    public enum Reason {

        EMPTY, TOO_LONG, UNREADABLE, MALFORMED_GS1, BAD_CHECK_DIGIT, BAD_DATE, MALFORMED_KV, NO_CODE

    }

    private final Reason reason;

    private LabelRefused(Reason reason, Text text) {
        super(text);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    static LabelRefused empty() {
        return new LabelRefused(Reason.EMPTY, Text.of("refused.label.empty"));
    }

    static LabelRefused tooLong() {
        return new LabelRefused(Reason.TOO_LONG, Text.of("refused.label.too-long", ContainerLabels.MAX_INPUT_LENGTH));
    }

    static LabelRefused unreadable() {
        return new LabelRefused(Reason.UNREADABLE, Text.of("refused.label.unreadable"));
    }

    static LabelRefused notGs1() {
        return new LabelRefused(Reason.MALFORMED_GS1, Text.of("refused.label.not-gs1"));
    }

    static LabelRefused unknownGs1Field(String ai) {
        return new LabelRefused(Reason.MALFORMED_GS1, Text.of("refused.label.unknown-gs1-field", ai, "GTIN"));
    }

    static LabelRefused damagedGs1Field(String ai, Text rule) {
        return new LabelRefused(Reason.MALFORMED_GS1, Text.of("refused.label.damaged-gs1-field", ai, rule));
    }

    static LabelRefused repeatedGs1Field(String ai) {
        return new LabelRefused(Reason.MALFORMED_GS1, Text.of("refused.label.repeated-gs1-field", ai));
    }

    static LabelRefused badCheckDigit(String ai, String digits) {
        return new LabelRefused(Reason.BAD_CHECK_DIGIT, Text.of("refused.label.bad-check-digit", ai, digits));
    }

    static LabelRefused badDate(String field) {
        return new LabelRefused(Reason.BAD_DATE, Text.of("refused.label.bad-date", field));
    }

    static LabelRefused malformedKeyValues() {
        return new LabelRefused(Reason.MALFORMED_KV, Text.of("refused.label.malformed-key-values", "KEY=VALUE"));
    }

    static LabelRefused noIngredientCode() {
        return new LabelRefused(Reason.NO_CODE, Text.of("refused.label.no-ingredient-code", "ING=", "CODE=", "ID="));
    }

    static LabelRefused noGtin() {
        return new LabelRefused(Reason.NO_CODE, Text.of("refused.label.no-gtin", "GTIN", "EAN"));
    }

}
