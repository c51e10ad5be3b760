package prepbench.transfer;

/**
 * One thing wrong with an import file, said so that a lab lead can fix the file.
 *
 * @param row for CSV the row as a spreadsheet numbers it, the header being row 1 (the
 * line number, unless a cell holds a line break); for JSON the 1-based position of the
 * formula in {@code formulas}; 0 for the whole file
 * @param field the CSV column name or the JSON property path (such as
 * {@code lines[2].fraction}, indexes counted from 0); "" for the whole row or file
 * @param message what is wrong and what to do about it; quotes the offending value, which
 * may hold any printable character, so escape it before showing it
 */
public record FileProblem(int row, String field, String message) {

    public FileProblem {
        field = field == null ? "" : field;
    }
}
