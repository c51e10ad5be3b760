package prepbench.transfer;

import java.util.List;
import java.util.Map;

/**
 * What was read from a formula file.
 *
 * @param formulas the formulas in the order they first appear in the file; empty whenever
 * there are problems, so that a file is imported whole or not at all
 * @param problems every problem found, ordered by row (at most 1000, then one on row 0
 * saying there are more)
 * @param encoding the character encoding the text was read in: "UTF-8", or "windows-1252"
 * (what Excel on Windows writes) when the bytes are not UTF-8
 */
public record ReadFile(List<FormulaDocument> formulas, List<FileProblem> problems, String encoding,
        Map<String, Integer> rows) {

    public ReadFile {
        formulas = List.copyOf(formulas);
        problems = List.copyOf(problems);
        rows = Map.copyOf(rows);
    }

    ReadFile(List<FormulaDocument> formulas, List<FileProblem> problems, String encoding) {
        this(formulas, problems, encoding, Map.of());
    }

    /**
     * The row a formula starts on (its index for JSON), so that a later check can name
     * it; 0 when unknown.
     */
    public int rowOf(String formulaCode) {
        return rows.getOrDefault(place(formulaCode, null), 0);
    }

    /**
     * The row of one of a formula's lines (its formula's index for JSON); 0 when unknown.
     */
    public int rowOf(String formulaCode, int lineNo) {
        return rows.getOrDefault(place(formulaCode, lineNo), rowOf(formulaCode));
    }

    static String place(String formulaCode, Integer lineNo) {
        return lineNo == null ? formulaCode : formulaCode + "#" + lineNo;
    }

    /** Whether the file can be imported: nothing is wrong with it. */
    public boolean ok() {
        return problems.isEmpty();
    }
}
