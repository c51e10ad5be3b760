package prepbench.transfer;

import com.fasterxml.jackson.annotation.JsonIgnore;

import prepbench.entry.Text;
import prepbench.entry.Words;

/**
 * One thing wrong with an import file, said so that a lab lead can fix the file.
 *
 * @param row for CSV the row as a spreadsheet numbers it, the header being row 1 (the
 * line number, unless a cell holds a line break); for JSON the 1-based position of the
 * formula in {@code formulas}; 0 for the whole file
 * @param field the CSV column name or the JSON property path (such as
 * {@code lines[2].fraction}, indexes counted from 0); "" for the whole row or file
 * @param message what is wrong and what to do about it, in English; quotes the offending
 * value, which may hold any printable character, so escape it before showing it
 * @param text the message, to word in the reader's language ({@link #message(Words)});
 * null for a message still in English only
 */
public record FileProblem(int row, String field, String message, @JsonIgnore Text text) {

    public FileProblem {
        field = field == null ? "" : field;
    }

    public FileProblem(int row, String field, Text text) {
        this(row, field, text.english(), text);
    }

    /**
     * A problem in English only; to be removed once every caller says it with a
     * {@link Text}.
     */
    public FileProblem(int row, String field, String message) {
        this(row, field, message, null);
    }

    /** What is wrong and what to do about it, in the reader's language. */
    public String message(Words words) {
        return text == null ? message : words.text(text);
    }
}
