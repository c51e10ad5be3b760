package prepbench.formulas;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import prepbench.access.Actor;
import prepbench.access.Permission;
import prepbench.catalog.IngredientManagement;
import prepbench.catalog.IngredientRef;
import prepbench.entry.Text;

/**
 * Writes formulas read from a file as new draft versions, all or none: every formula's
 * ingredients and open drafts are checked first, and either each formula gets a draft
 * version (a new formula when its code is new), in one transaction, or nothing is written
 * and each problem is named. An import never releases anything: its drafts are reviewed
 * and signed like any other.
 */
@Service
public class FormulaImport {

    private final FormulaVersions versions;

    private final IngredientManagement ingredients;

    private final FormulaChanges changes;

    private final TransactionTemplate transaction;

    private final TransactionTemplate readOnly;

    private final Clock clock;

    FormulaImport(FormulaVersions versions, IngredientManagement ingredients, FormulaChanges changes,
            PlatformTransactionManager transactions, Clock clock) {
        this.versions = versions;
        this.ingredients = ingredients;
        this.changes = changes;
        this.transaction = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    /** What an import wrote, or why it wrote nothing. */
    public record Outcome(List<Problem> problems, List<Imported> imported) {

        public Outcome {
            problems = List.copyOf(problems);
            imported = List.copyOf(imported);
        }
    }

    /**
     * A formula written as a draft version; {@code newFormula} when the formula did not
     * exist.
     */
    public record Imported(String code, int versionNo, boolean newFormula, int lines) {
    }

    /**
     * Why nothing was imported.
     *
     * @param formula the formula's position in the import; -1 for the import as a whole
     * @param line the line's position in the formula; -1 for the formula as a whole
     * @param text what is wrong and what to do, to word in the reader's language
     */
    public record Problem(Kind kind, int formula, int line, Text text) {

        /** What is wrong and what to do, in English. */
        public String message() {
            return text.english();
        }
    }

    /**
     * What a problem concerns, so that a caller can point at the right place of its file.
     */
    public enum Kind {

        /** The formula has too many lines. */
        TOO_MANY_LINES,
        /** A line's ingredient does not exist or is inactive. */
        INGREDIENT,
        /** The formula has an open draft already. */
        OPEN_DRAFT,
        /** Someone changed the formulas at the same moment. */
        CONCURRENT

    }

    /**
     * Writes each formula as a new draft version, or nothing.
     * @param format the file's format, for the record
     * @param encoding the file's encoding, for the record
     * @throws prepbench.access.NotPermitted when the editor may not edit the catalogue
     */
    public Outcome importDrafts(Actor editor, List<NewDraft> drafts, String format, String encoding) {
        editor.require(Permission.EDIT_CATALOG);
        List<String> codes = drafts.stream()
            .flatMap(draft -> draft.lines().stream())
            .map(NewDraft.Line::ingredientCode)
            .distinct()
            .toList();
        Map<String, IngredientRef> known = ingredients.refs(codes);
        List<Problem> problems = new ArrayList<>();
        for (int formula = 0; formula < drafts.size(); formula++) {
            NewDraft draft = drafts.get(formula);
            if (draft.lines().size() > FormulaManagement.MAX_LINES) {
                problems.add(new Problem(Kind.TOO_MANY_LINES, formula, -1, Text.of("entry.import.too-many-lines",
                        draft.code(), draft.lines().size(), FormulaManagement.MAX_LINES)));
            }
            for (int line = 0; line < draft.lines().size(); line++) {
                String code = draft.lines().get(line).ingredientCode();
                IngredientRef ingredient = known.get(code);
                if (ingredient == null) {
                    problems
                        .add(new Problem(Kind.INGREDIENT, formula, line, Text.of("entry.import.no-ingredient", code)));
                }
                else if (!ingredient.active()) {
                    problems.add(new Problem(Kind.INGREDIENT, formula, line, Text.of("entry.import.inactive", code)));
                }
            }
        }
        if (!problems.isEmpty()) {
            return new Outcome(problems, List.of());
        }
        try {
            return transaction.execute(tx -> {
                List<Imported> imported = new ArrayList<>();
                List<Problem> conflicts = new ArrayList<>();
                Instant now = clock.instant();
                for (int formula = 0; formula < drafts.size(); formula++) {
                    importOne(editor, drafts.get(formula), known, now, format, encoding).ifPresentOrElse(imported::add,
                            openDraft(drafts.get(formula), formula, conflicts));
                }
                if (!conflicts.isEmpty()) {
                    tx.setRollbackOnly();
                    return new Outcome(conflicts, List.of());
                }
                return new Outcome(List.of(), imported);
            });
        }
        catch (DuplicateKeyException createdMeanwhile) {
            return new Outcome(List.of(new Problem(Kind.CONCURRENT, -1, -1, Text.of("entry.import.concurrent"))),
                    List.of());
        }
    }

    private Runnable openDraft(NewDraft draft, int formula, List<Problem> conflicts) {
        return () -> {
            FormulaVersion open = versions.versions(draft.code())
                .stream()
                .filter(FormulaVersion::isDraft)
                .findFirst()
                .orElseThrow();
            conflicts.add(new Problem(Kind.OPEN_DRAFT, formula, -1,
                    Text.of("entry.import.open-draft", draft.code(), open.versionNo())));
        };
    }

    /** The draft written, or empty when the formula has an open draft already. */
    private Optional<Imported> importOne(Actor editor, NewDraft draft, Map<String, IngredientRef> known, Instant now,
            String format, String encoding) {
        FormulaCode code = draft.code();
        Optional<FormulaVersions.FormulaRow> existing = versions.lock(code);
        UUID formulaId;
        int versionNo;
        if (existing.isPresent()) {
            formulaId = existing.get().id();
            if (versions.versions(code).stream().anyMatch(FormulaVersion::isDraft)) {
                return Optional.empty();
            }
            versionNo = versions.nextVersionNo(formulaId);
        }
        else {
            formulaId = UUID.randomUUID();
            versionNo = 1;
            versions.insertFormula(formulaId, code, draft.name(), editor.username(), now);
        }
        UUID draftId = UUID.randomUUID();
        versions.insertDraft(draftId, formulaId, versionNo, draft.name(), draft.batchAmount(), draft.batchUnit(),
                editor.username(), now);
        List<FormulaVersions.NewLine> lines = new ArrayList<>();
        for (NewDraft.Line line : draft.lines()) {
            lines.add(new FormulaVersions.NewLine(lines.size() + 1, known.get(line.ingredientCode()).id(),
                    line.fraction(), line.tolerance()));
        }
        versions.replaceLines(draftId, lines);
        changes.imported(now, editor, code, draft, versionNo, format, encoding);
        return Optional.of(new Imported(code.value(), versionNo, existing.isEmpty(), lines.size()));
    }

    /**
     * The current version of every formula in the status ({@code RELEASED} or
     * {@code DRAFT}), by code.
     */
    public List<FormulaVersion> current(VersionStatus status) {
        return readOnly.execute(tx -> versions.inStatus(status));
    }

}
