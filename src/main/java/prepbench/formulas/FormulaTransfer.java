package prepbench.formulas;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import prepbench.access.Actor;
import prepbench.access.Permission;

/**
 * Imports formulas from CSV or JSON files and exports them in the same formats. An import is all or nothing: the
 * file is checked completely (syntax, then ingredients and formulas in the database) and either every formula in
 * it becomes a draft version, in one transaction, or nothing is written and the report names every bad row and
 * field. An import never releases anything: its drafts are reviewed and signed like any other.
 */
@Service
public class FormulaTransfer {

    private final FormulaVersions versions;
    private final Ingredients ingredients;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    FormulaTransfer(FormulaVersions versions, Ingredients ingredients, ApplicationEventPublisher events,
            PlatformTransactionManager transactions, Clock clock) {
        this.versions = versions;
        this.ingredients = ingredients;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    /** What an import did: the drafts it created, or why it created none. */
    public record ImportReport(List<FileProblem> problems, List<ImportedFormula> imported, String encoding) {

        public ImportReport {
            problems = List.copyOf(problems);
            imported = List.copyOf(imported);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** A formula the import wrote as a draft version; {@code newFormula} when the formula did not exist. */
    public record ImportedFormula(String code, int versionNo, boolean newFormula, int lines) {
    }

    /**
     * The current version of every formula in the status ({@code RELEASED} or {@code DRAFT}), or of one formula, in
     * the format; the files round-trip through {@link #importFile}.
     */
    public byte[] export(FileFormat format, VersionStatus status, Optional<FormulaCode> only) {
        List<FormulaDocument> documents = readOnly.execute(tx -> versions.inStatus(status)).stream()
                .filter(version -> only.map(code -> code.equals(version.code())).orElse(true))
                .map(FormulaTransfer::document)
                .toList();
        return FormulaFiles.write(format, documents);
    }

    /**
     * Imports the file: each formula in it becomes a new draft version (a new formula when the code is new).
     *
     * @throws CatalogRefused when the editor may not edit
     */
    public ImportReport importFile(Actor editor, FileFormat format, byte[] bytes) {
        editor.require(Permission.EDIT_CATALOG);
        ReadFile file = FormulaFiles.read(format, bytes);
        if (!file.ok()) {
            return new ImportReport(file.problems(), List.of(), file.encoding());
        }
        List<String> codes = file.formulas().stream().flatMap(document -> document.lines().stream())
                .map(FormulaDocument.Line::ingredientCode).distinct().toList();
        Map<String, Ingredients.IngredientRef> known = readOnly.execute(tx -> ingredients.refs(codes));
        List<FileProblem> problems = new ArrayList<>();
        for (FormulaDocument document : file.formulas()) {
            if (document.lines().size() > FormulaManagement.MAX_LINES) {
                problems.add(new FileProblem(file.rowOf(document.code()), format == FileFormat.CSV ? "line_no"
                        : "lines", "Formula " + document.code() + " has " + document.lines().size() + " lines; a "
                        + "formula has at most " + FormulaManagement.MAX_LINES + "."));
            }
            for (FormulaDocument.Line line : document.lines()) {
                Ingredients.IngredientRef ingredient = known.get(line.ingredientCode());
                if (ingredient == null || !ingredient.active()) {
                    problems.add(new FileProblem(file.rowOf(document.code(), line.lineNo()),
                            ingredientField(format, document, line), (ingredient == null ? "There is no ingredient "
                                    : "Ingredient ") + line.ingredientCode() + (ingredient == null
                                    ? ". Add it on the Ingredients page first, or correct the code."
                                    : " is inactive. Activate it, or replace it in the file.")));
                }
            }
        }
        if (!problems.isEmpty()) {
            return new ImportReport(problems, List.of(), file.encoding());
        }
        try {
            return transaction.execute(tx -> {
                List<ImportedFormula> imported = new ArrayList<>();
                List<FileProblem> conflicts = new ArrayList<>();
                Instant now = clock.instant();
                for (FormulaDocument document : file.formulas()) {
                    importOne(editor, format, file, document, known, now, imported, conflicts);
                }
                if (!conflicts.isEmpty()) {
                    tx.setRollbackOnly();
                    return new ImportReport(conflicts, List.of(), file.encoding());
                }
                return new ImportReport(List.of(), imported, file.encoding());
            });
        } catch (DuplicateKeyException createdMeanwhile) {
            return new ImportReport(List.of(new FileProblem(0, "", "Someone created or edited one of these formulas "
                    + "at the same moment, so nothing was imported. Import the file again.")), List.of(),
                    file.encoding());
        }
    }

    private void importOne(Actor editor, FileFormat format, ReadFile file, FormulaDocument document,
            Map<String, Ingredients.IngredientRef> known, Instant now, List<ImportedFormula> imported,
            List<FileProblem> conflicts) {
        FormulaCode code = new FormulaCode(document.code());
        BatchUnit unit = BatchUnit.fromSymbol(document.batchUnit()).orElseThrow();
        Optional<FormulaVersions.FormulaRow> existing = versions.lock(code);
        UUID formulaId;
        int versionNo;
        if (existing.isPresent()) {
            formulaId = existing.get().id();
            Optional<FormulaVersion> draft = versions.versions(code).stream().filter(FormulaVersion::isDraft)
                    .findFirst();
            if (draft.isPresent()) {
                conflicts.add(new FileProblem(file.rowOf(document.code()), format == FileFormat.CSV ? "formula_code"
                        : "code", "Formula " + code + " already has an open draft (version "
                        + draft.get().versionNo() + "). Release or discard that draft, then import again."));
                return;
            }
            versionNo = versions.nextVersionNo(formulaId);
        } else {
            formulaId = UUID.randomUUID();
            versionNo = 1;
            versions.insertFormula(formulaId, code, document.name(), editor.username(), now);
        }
        UUID draftId = UUID.randomUUID();
        versions.insertDraft(draftId, formulaId, versionNo, document.name(), document.batchAmount(), unit,
                editor.username(), now);
        List<FormulaVersions.NewLine> lines = new ArrayList<>();
        for (FormulaDocument.Line line : document.lines()) {
            ToleranceOverride tolerance = new ToleranceOverride(line.tolMinusG(), line.tolPlusG(), line.tolMinusPct(),
                    line.tolPlusPct());
            lines.add(new FormulaVersions.NewLine(lines.size() + 1, known.get(line.ingredientCode()).id(),
                    line.fraction(), tolerance.isEmpty() ? null : tolerance));
        }
        versions.replaceLines(draftId, lines);
        imported.add(new ImportedFormula(code.value(), versionNo, existing.isEmpty(), lines.size()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("versionNo", versionNo);
        details.put("format", format.extension());
        details.put("encoding", file.encoding());
        details.put("name", document.name());
        details.put("batch", document.batchAmount().toPlainString() + " " + unit.symbol());
        details.put("lines", document.lines().stream().map(line -> line.ingredientCode() + " "
                + FormulaManagement.percent(line.fraction()) + " %").toList());
        events.publishEvent(new CatalogChanged(now, editor.username(), CatalogChanged.FORMULA, code.value(),
                "FORMULA_IMPORTED", details));
    }

    private static String ingredientField(FileFormat format, FormulaDocument document, FormulaDocument.Line line) {
        return format == FileFormat.CSV ? "ingredient_code"
                : "lines[" + document.lines().indexOf(line) + "].ingredientCode";
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
