package prepbench.formulas;

import java.util.List;

/**
 * What was read from a formula file.
 *
 * @param formulas the formulas in the order they first appear in the file; empty whenever there are problems,
 *     so that a file is imported whole or not at all
 * @param problems every problem found, ordered by row (at most 1000, then one on row 0 saying there are more)
 * @param encoding the character encoding the text was read in: "UTF-8", or "windows-1252" (what Excel on
 *     Windows writes) when the bytes are not UTF-8
 */
public record ReadFile(List<FormulaDocument> formulas, List<FileProblem> problems, String encoding) {

    public ReadFile {
        formulas = List.copyOf(formulas);
        problems = List.copyOf(problems);
    }

    /** Whether the file can be imported: nothing is wrong with it. */
    public boolean ok() {
        return problems.isEmpty();
    }
}
