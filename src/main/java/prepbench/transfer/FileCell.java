package prepbench.transfer;

import java.math.BigDecimal;

/**
 * A value as found in a formula file, before it is checked: a CSV cell, or a JSON value.
 *
 * @param row where it is, as {@link FileProblem#row()} counts
 * @param field where it is, as {@link FileProblem#field()} names it
 * @param text the text as written (a CSV cell, a JSON string, or how a JSON number or
 * other value was written); null when the value is absent
 * @param number a JSON number; null otherwise
 * @param textual whether the value was given as text (a CSV cell or a JSON string)
 */
record FileCell(int row, String field, String text, BigDecimal number, boolean textual) {

    static FileCell text(int row, String field, String text) {
        return new FileCell(row, field, text, null, true);
    }

    static FileCell number(int row, String field, BigDecimal number) {
        return new FileCell(row, field, number.toString(), number, false);
    }

    /**
     * A JSON value that is neither text nor a number, such as {@code true} or an object.
     */
    static FileCell other(int row, String field, String written) {
        return new FileCell(row, field, written, null, false);
    }

    static FileCell absent(int row, String field) {
        return new FileCell(row, field, null, null, true);
    }

    boolean isBlank() {
        return textual && (text == null || text.isBlank());
    }
}
