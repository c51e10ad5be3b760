package prepbench.entry;

import java.util.regex.Pattern;

/**
 * Text PrepBench writes into a CSV file that a spreadsheet will open (formula exports,
 * audit exports): a cell that would run as a formula (CSV injection: it starts with
 * {@code = + - @}, a tab or a carriage return) gets a leading apostrophe, and reading the
 * file back removes exactly that apostrophe.
 */
public final class SpreadsheetCells {

    /**
     * Cells a spreadsheet would run as a formula, and cells that only look protected
     * because they start with quotes: protecting those too makes {@link #unprotect} the
     * exact inverse of {@link #protect}.
     */
    private static final Pattern RUNS_AS_FORMULA = Pattern.compile("'*[=+\\-@\t\r]");

    private SpreadsheetCells() {
    }

    /**
     * The cell as it is written: with a leading apostrophe when a spreadsheet would run
     * it.
     */
    public static String protect(String text) {
        return text != null && RUNS_AS_FORMULA.matcher(text).lookingAt() ? "'" + text : text;
    }

    /** Removes the apostrophe {@link #protect} added. */
    public static String unprotect(String text) {
        return text != null && text.startsWith("'")
                && RUNS_AS_FORMULA.matcher(text).region(1, text.length()).lookingAt() ? text.substring(1) : text;
    }

}
