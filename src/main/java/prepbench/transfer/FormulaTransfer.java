package prepbench.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import prepbench.access.Actor;
import prepbench.access.Permission;
import prepbench.formulas.BatchUnit;
import prepbench.formulas.FormulaCode;
import prepbench.formulas.FormulaImport;
import prepbench.formulas.FormulaVersion;
import prepbench.formulas.NewDraft;
import prepbench.formulas.ToleranceOverride;
import prepbench.formulas.VersionStatus;

/**
 * Imports formulas from CSV or JSON files and exports them in the same formats. An import
 * is all or nothing: the file is checked completely (syntax here, then ingredients and
 * formulas by {@link FormulaImport}) and either every formula in it becomes a draft
 * version, in one transaction, or nothing is written and the report names every bad row
 * and field.
 */
@Service
public class FormulaTransfer {

    private final FormulaImport formulas;

    FormulaTransfer(FormulaImport formulas) {
        this.formulas = formulas;
    }

    /** What an import did: the drafts it created, or why it created none. */
    public record ImportReport(List<FileProblem> problems, List<FormulaImport.Imported> imported, String encoding) {

        public ImportReport {
            problems = List.copyOf(problems);
            imported = List.copyOf(imported);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * The current version of every formula in the status ({@code RELEASED} or
     * {@code DRAFT}), or of one formula, in the format; the files round-trip through
     * {@link #importFile}.
     */
    public byte[] export(FileFormat format, VersionStatus status, Optional<FormulaCode> only) {
        List<FormulaDocument> documents = formulas.current(status)
            .stream()
            .filter(version -> only.map(code -> code.equals(version.code())).orElse(true))
            .map(FormulaTransfer::document)
            .toList();
        return FormulaFiles.write(format, documents);
    }

    /**
     * Imports the file: each formula in it becomes a new draft version (a new formula
     * when the code is new).
     * @throws prepbench.access.NotPermitted when the editor may not edit
     */
    public ImportReport importFile(Actor editor, FileFormat format, byte[] bytes) {
        editor.require(Permission.EDIT_CATALOG);
        ReadFile file = FormulaFiles.read(format, bytes);
        if (!file.ok()) {
            return new ImportReport(file.problems(), List.of(), file.encoding());
        }
        List<FormulaDocument> documents = file.formulas();
        FormulaImport.Outcome outcome = formulas.importDrafts(editor,
                documents.stream().map(FormulaTransfer::draft).toList(), format.extension(), file.encoding());
        List<FileProblem> problems = new ArrayList<>();
        for (FormulaImport.Problem problem : outcome.problems()) {
            problems.add(problem.formula() < 0 ? new FileProblem(0, "", problem.text())
                    : place(format, file, documents.get(problem.formula()), problem));
        }
        return new ImportReport(problems, outcome.imported(), file.encoding());
    }

    /**
     * The row and field of the file that a problem with one of its formulas points at.
     */
    private static FileProblem place(FileFormat format, ReadFile file, FormulaDocument document,
            FormulaImport.Problem problem) {
        boolean csv = format == FileFormat.CSV;
        return switch (problem.kind()) {
            case INGREDIENT -> {
                FormulaDocument.Line line = document.lines().get(problem.line());
                yield new FileProblem(file.rowOf(document.code(), line.lineNo()),
                        csv ? "ingredient_code" : "lines[" + problem.line() + "].ingredientCode", problem.text());
            }
            case TOO_MANY_LINES ->
                new FileProblem(file.rowOf(document.code()), csv ? "line_no" : "lines", problem.text());
            case OPEN_DRAFT, CONCURRENT ->
                new FileProblem(file.rowOf(document.code()), csv ? "formula_code" : "code", problem.text());
        };
    }

    private static NewDraft draft(FormulaDocument document) {
        return new NewDraft(new FormulaCode(document.code()), document.name(), document.batchAmount(),
                BatchUnit.fromSymbol(document.batchUnit()).orElseThrow(), document.lines().stream().map(line -> {
                    ToleranceOverride tolerance = new ToleranceOverride(line.tolMinusG(), line.tolPlusG(),
                            line.tolMinusPct(), line.tolPlusPct());
                    return new NewDraft.Line(line.ingredientCode(), line.fraction(),
                            tolerance.isEmpty() ? null : tolerance);
                }).toList());
    }

    private static FormulaDocument document(FormulaVersion version) {
        return new FormulaDocument(version.code().value(), version.name(), version.batchAmount(),
                version.batchUnit().symbol(), version.lines().stream().map(line -> {
                    ToleranceOverride tolerance = line.tolerance() == null
                            ? new ToleranceOverride(null, null, null, null) : line.tolerance();
                    return new FormulaDocument.Line(line.lineNo(), line.ingredientCode(), line.fraction(),
                            tolerance.minusG(), tolerance.plusG(), tolerance.minusPct(), tolerance.plusPct());
                }).toList());
    }

}
