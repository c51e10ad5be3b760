package prepbench.scanning;

/**
 * A container label that cannot be read. The message is a sentence for the lab technician
 * that says what is wrong and what to do; it never repeats the scanned text, only GS1
 * field numbers and digits. {@link #reason()} is the short machine-readable reason.
 */
public final class LabelRefused extends RuntimeException {

    /** Why a label was refused. */
    public enum Reason {

        EMPTY, TOO_LONG, UNREADABLE, MALFORMED_GS1, BAD_CHECK_DIGIT, BAD_DATE, MALFORMED_KV, NO_CODE

    }

    private final Reason reason;

    private LabelRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    static LabelRefused empty() {
        return new LabelRefused(Reason.EMPTY, "Nothing was scanned: scan the barcode on the ingredient container.");
    }

    static LabelRefused tooLong() {
        return new LabelRefused(Reason.TOO_LONG, "The scan is too long to be a container label (more than "
                + ContainerLabels.MAX_INPUT_LENGTH + " characters): scan one label at a time.");
    }

    static LabelRefused unreadable() {
        return new LabelRefused(Reason.UNREADABLE, "The scan contains characters that are not readable text: "
                + "check that the scanner is set up as a keyboard and scan the label again.");
    }

    static LabelRefused notGs1() {
        return new LabelRefused(Reason.MALFORMED_GS1,
                "This label is not a GS1 code: " + "scan the container's GS1 barcode (it starts with (01) or 01).");
    }

    static LabelRefused unknownGs1Field(String ai) {
        return new LabelRefused(Reason.MALFORMED_GS1, "This label has a GS1 field (" + ai + ") that PrepBench "
                + "does not read: scan the container's barcode that starts with (01) or 01, or type its GTIN alone.");
    }

    static LabelRefused damagedGs1Field(String ai, String rule) {
        return new LabelRefused(Reason.MALFORMED_GS1, "The GS1 field (" + ai + ") on this label is damaged: it must "
                + "hold " + rule + ". Scan the label again; if it still fails, the label is misprinted.");
    }

    static LabelRefused repeatedGs1Field(String ai) {
        return new LabelRefused(Reason.MALFORMED_GS1, "The GS1 field (" + ai + ") appears twice on this label: "
                + "scan the label again; if it still fails, the label is misprinted.");
    }

    static LabelRefused badCheckDigit(String ai, String digits) {
        return new LabelRefused(Reason.BAD_CHECK_DIGIT, "The check digit of (" + ai + ") " + digits + " is wrong: scan "
                + "the label again; if it still fails, the label is misprinted and the container must not be used.");
    }

    static LabelRefused badDate(String field) {
        return new LabelRefused(Reason.BAD_DATE, "The date in " + field + " on this label is not a real date: "
                + "scan the label again; if it still fails, check the expiry date with a lab lead.");
    }

    static LabelRefused malformedKeyValues() {
        return new LabelRefused(Reason.MALFORMED_KV, "This label is damaged: every part must be KEY=VALUE, separated "
                + "by ';' and naming each key once. Scan the label again.");
    }

    static LabelRefused noIngredientCode() {
        return new LabelRefused(Reason.NO_CODE,
                "This label has no ingredient code (ING=, CODE= or ID=): " + "scan the container's ingredient label.");
    }

    static LabelRefused noGtin() {
        return new LabelRefused(Reason.NO_CODE, "No GTIN on this label: it holds no (01) product code, only a lot, "
                + "dates, quantities or a shipping code. Scan the container's barcode that starts with (01) or 01, or "
                + "its EAN barcode.");
    }

}
