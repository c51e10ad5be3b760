package prepbench.formulas;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import prepbench.access.Actor;
import prepbench.access.NotPermitted;
import prepbench.access.Permission;
import prepbench.entry.Limits;
import prepbench.catalog.CatalogRefused.Reason;
import prepbench.catalog.CatalogRefused;
import prepbench.catalog.IngredientManagement;
import prepbench.catalog.IngredientRef;
import prepbench.entry.Entries;
import prepbench.entry.InvalidEntry;
import prepbench.entry.Text;

/**
 * Formulas and their versions: a draft is edited freely, released with a lab lead's
 * electronic signature (then frozen), and retired when it must no longer be prepared.
 * Editing a released formula opens a new draft version. Changes to one formula are
 * serialised on its row; a save made against an older revision of a draft is refused,
 * never silently lost. Every change, and every refused release, is audited
 * ({@link FormulaChanges} words the record).
 */
@Service
public class FormulaManagement {

    /** What a lab lead's signature on a release means. */
    public static final String RELEASE_MEANING = "approved for preparation";

    public static final int MAX_LINES = 200;

    private final FormulaVersions versions;

    private final IngredientManagement ingredients;

    private final SignatureVerifier signatures;

    private final FormulaChanges changes;

    private final FormulaTests tests;

    private final TransactionTemplate transaction;

    private final TransactionTemplate readOnly;

    private final Clock clock;

    FormulaManagement(FormulaVersions versions, IngredientManagement ingredients, SignatureVerifier signatures,
            FormulaChanges changes, FormulaTests tests, PlatformTransactionManager transactions, Clock clock) {
        this.versions = versions;
        this.ingredients = ingredients;
        this.signatures = signatures;
        this.changes = changes;
        this.tests = tests;
        this.transaction = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    /**
     * Every version of the formula, newest first.
     * @throws FormulaNotFound when no formula has the code
     */
    public List<FormulaVersion> versions(FormulaCode code) {
        List<FormulaVersion> all = readOnly.execute(tx -> versions.versions(code));
        if (all.isEmpty()) {
            throw FormulaNotFound.forCode(code);
        }
        return all;
    }

    /** The formula's open draft, if it has one. */
    public Optional<FormulaVersion> draft(FormulaCode code) {
        return versions(code).stream().filter(FormulaVersion::isDraft).findFirst();
    }

    /**
     * Creates a formula with an empty draft version 1.
     * @throws InvalidEntry when a field is wrong or the code is taken
     */
    public FormulaVersion create(Actor editor, String code, String name, String batchAmount, String batchUnit) {
        editor.require(Permission.EDIT_CATALOG);
        Entries entries = new Entries();
        FormulaCode validCode = FormulaCode.tryParse(code).orElse(null);
        if (validCode == null) {
            entries.problem("code", code == null || code.isBlank() ? Text.of("entry.formula.code-required")
                    : Text.of("entry.formula.code-invalid", Entries.quoted(code)));
        }
        String validName = entries.text("name", Text.of("entry.label.name"), name, 200);
        BigDecimal amount = DraftValidation.batchAmount(entries, batchAmount);
        BatchUnit unit = DraftValidation.batchUnit(entries, batchUnit);
        entries.throwIfAny();
        try {
            return transaction.execute(tx -> {
                if (versions.lock(validCode).isPresent()) {
                    throw takenCode(validCode);
                }
                Instant now = clock.instant();
                UUID formulaId = UUID.randomUUID();
                versions.insertFormula(formulaId, validCode, validName, editor.username(), now);
                versions.insertDraft(UUID.randomUUID(), formulaId, 1, validName, amount, unit, editor.username(), now);
                changes.created(now, editor, validCode, validName, amount, unit);
                return versions.versions(validCode).get(0);
            });
        }
        catch (DuplicateKeyException createdMeanwhile) {
            throw takenCode(validCode);
        }
    }

    /**
     * The formula's open draft; when it has none, a new draft version copied from its
     * newest version. This is how a released formula is edited: the released version
     * itself never changes.
     */
    public FormulaVersion openDraft(Actor editor, FormulaCode code) {
        editor.require(Permission.EDIT_CATALOG);
        return transaction.execute(tx -> {
            FormulaVersions.FormulaRow formula = versions.lock(code).orElseThrow(() -> FormulaNotFound.forCode(code));
            List<FormulaVersion> all = versions.versions(code);
            Optional<FormulaVersion> open = all.stream().filter(FormulaVersion::isDraft).findFirst();
            if (open.isPresent()) {
                return open.get();
            }
            FormulaVersion newest = all.get(0);
            Instant now = clock.instant();
            UUID draftId = UUID.randomUUID();
            int versionNo = versions.nextVersionNo(formula.id());
            versions.insertDraft(draftId, formula.id(), versionNo, newest.name(), newest.batchAmount(),
                    newest.batchUnit(), editor.username(), now);
            versions.replaceLines(draftId,
                    newest.lines()
                        .stream()
                        .map(line -> new FormulaVersions.NewLine(line.lineNo(), line.ingredientId(), line.fraction(),
                                line.tolerance()))
                        .toList());
            changes.draftOpened(now, editor, code, versionNo, newest.versionNo());
            return versions.versions(code).get(0);
        });
    }

    /**
     * Saves the draft if nobody saved it since the editor read it
     * ({@code entry.revision()}).
     * @throws InvalidEntry naming every wrong field (nothing is saved)
     * @throws CatalogRefused {@code CHANGED_MEANWHILE} when someone saved the draft
     * first; {@code NO_DRAFT}
     */
    public FormulaVersion saveDraft(Actor editor, FormulaCode code, DraftEntry entry) {
        editor.require(Permission.EDIT_CATALOG);
        DraftValidation.ValidDraft valid = DraftValidation.validate(entry, ingredients::refs);
        return transaction.execute(tx -> {
            FormulaVersions.FormulaRow formula = versions.lock(code).orElseThrow(() -> FormulaNotFound.forCode(code));
            List<FormulaVersion> all = versions.versions(code);
            FormulaVersion draft = all.stream()
                .filter(FormulaVersion::isDraft)
                .findFirst()
                .orElseThrow(() -> CatalogRefused.noDraft(code.value()));
            if (entry.revision() == null || entry.revision() != draft.revision()) {
                throw CatalogRefused.changedMeanwhile(
                        Text.of("entry.catalog.what.draft-version", code, draft.versionNo()), draft.updatedBy());
            }
            Instant now = clock.instant();
            versions.updateDraft(draft.versionId(), draft.revision(), valid.name(), valid.batchAmount(),
                    valid.batchUnit(), editor.username(), now);
            versions.replaceLines(draft.versionId(), valid.lines());
            FormulaVersion saved = openDraftOf(code);
            changes.draftSaved(now, editor, code, draft, saved);
            if (all.stream().allMatch(FormulaVersion::isDraft)) {
                // never released: the formula goes by its draft's name
                versions.rename(formula.id(), valid.name());
            }
            return saved;
        });
    }

    /**
     * Closes the draft without releasing it (a draft was never prepared). It stays in the
     * history as retired ("discarded"), so its version number is never used again.
     */
    public void discardDraft(Actor editor, FormulaCode code, int revision) {
        editor.require(Permission.EDIT_CATALOG);
        transaction.executeWithoutResult(tx -> {
            versions.lock(code).orElseThrow(() -> FormulaNotFound.forCode(code));
            FormulaVersion draft = openDraftOf(code);
            if (draft.revision() != revision) {
                throw CatalogRefused.changedMeanwhile(Text.of("entry.catalog.what.draft", code), draft.updatedBy());
            }
            if (draft.versionNo() == 1) {
                throw new CatalogRefused(Reason.ONLY_VERSION, Text.of("entry.formula.only-version"));
            }
            versions.discardDraft(draft.versionId(), editor.username(), clock.instant());
            changes.draftDiscarded(clock.instant(), editor, code, draft);
        });
    }

    /**
     * Releases a draft for preparation with the lab lead's electronic signature: their
     * own password and the meaning {@value #RELEASE_MEANING}. The version must be the
     * draft the lab lead reviewed ({@code revision}), its fractions must add up to 100 %
     * (± 0.0001 %) and its ingredients be active. The previously released version is
     * retired. A refusal is audited and changes nothing else.
     * @throws CatalogRefused saying what to do
     */
    public FormulaVersion release(Actor editor, FormulaCode code, int versionNo, int revision, String password,
            boolean meaningAccepted) {
        Object result = transaction.execute(tx -> {
            FormulaVersions.FormulaRow formula = versions.lock(code).orElseThrow(() -> FormulaNotFound.forCode(code));
            List<FormulaVersion> all = versions.versions(code);
            Instant now = clock.instant();
            RuntimeException refused = releaseRefusal(editor, all, versionNo, revision, password, meaningAccepted);
            if (refused != null) {
                changes.releaseRefused(now, editor, code, versionNo, refused);
                return refused;
            }
            FormulaVersion draft = all.stream()
                .filter(version -> version.versionNo() == versionNo)
                .findFirst()
                .orElseThrow();
            all.stream()
                .filter(version -> version.status() == VersionStatus.RELEASED)
                .findFirst()
                .ifPresent(previous -> {
                    String reason = "superseded by version " + versionNo;
                    versions.retire(previous.versionId(), editor.username(), reason, now);
                    changes.retired(now, editor, code, previous.versionNo(), reason);
                });
            versions.release(draft.versionId(), formula.id(), editor.username(), RELEASE_MEANING, now);
            versions.rename(formula.id(), draft.name());
            changes.released(now, editor, code, draft, RELEASE_MEANING);
            return versions.versions(code)
                .stream()
                .filter(version -> version.versionNo() == versionNo)
                .findFirst()
                .orElseThrow();
        });
        if (result instanceof RuntimeException refused) {
            throw refused;
        }
        return (FormulaVersion) result;
    }

    private RuntimeException releaseRefusal(Actor editor, List<FormulaVersion> all, int versionNo, int revision,
            String password, boolean meaningAccepted) {
        if (!editor.may(Permission.SIGN_RELEASE)) {
            return new NotPermitted(editor.username(), Permission.SIGN_RELEASE);
        }
        Optional<FormulaVersion> found = all.stream().filter(version -> version.versionNo() == versionNo).findFirst();
        if (found.isEmpty() || !found.get().isDraft()) {
            return new CatalogRefused(Reason.NOT_A_DRAFT, Text.of("entry.formula.not-a-draft", versionNo));
        }
        FormulaVersion draft = found.get();
        if (draft.revision() != revision) {
            return new CatalogRefused(Reason.CHANGED_MEANWHILE,
                    draft.updatedBy() == null ? Text.of("entry.formula.changed-since-review")
                            : Text.of("entry.formula.changed-since-review-by", draft.updatedBy()));
        }
        if (draft.lines().isEmpty()) {
            return new CatalogRefused(Reason.NO_LINES, Text.of("entry.formula.no-lines"));
        }
        if (!draft.sumsToOne()) {
            return new CatalogRefused(Reason.SUM_NOT_100,
                    Text.of("entry.formula.sum-not-100", FormulaChanges.percent(draft.fractionSum())));
        }
        List<String> inactive = draft.lines()
            .stream()
            .filter(line -> !line.ingredientActive())
            .map(FormulaVersion.Line::ingredientCode)
            .toList();
        if (!inactive.isEmpty()) {
            return new CatalogRefused(Reason.INACTIVE_INGREDIENT,
                    Text.of("entry.formula.inactive-ingredients", String.join(", ", inactive)));
        }
        if (draft.batchUnit().isVolume() && draft.lines().stream().anyMatch(line -> line.densityGPerMl() == null)) {
            return new CatalogRefused(Reason.DENSITY_MISSING,
                    Text.of("entry.formula.density-missing", draft.batchUnit().symbol()));
        }
        if (!meaningAccepted) {
            return new CatalogRefused(Reason.MEANING_REQUIRED,
                    Text.of("entry.formula.meaning-required", Text.of("entry.formula.release-meaning")));
        }
        if (password == null || password.isEmpty() || password.length() > 200
                || !signatures.verify(editor.username(), password)) {
            return new CatalogRefused(Reason.WRONG_PASSWORD, Text.of("entry.formula.wrong-password"));
        }
        return null;
    }

    /**
     * Retires the released version: new preparations of the formula are refused until
     * another version is released. Sessions already running go on with the version they
     * copied.
     */
    public FormulaVersion retire(Actor editor, FormulaCode code, int versionNo, String reason) {
        Object result = transaction.execute(tx -> {
            versions.lock(code).orElseThrow(() -> FormulaNotFound.forCode(code));
            Optional<FormulaVersion> version = versions.versions(code)
                .stream()
                .filter(candidate -> candidate.versionNo() == versionNo)
                .findFirst();
            Instant now = clock.instant();
            RuntimeException refused = null;
            if (!editor.may(Permission.EDIT_CATALOG)) {
                refused = new NotPermitted(editor.username(), Permission.EDIT_CATALOG);
            }
            else if (version.isEmpty() || version.get().status() != VersionStatus.RELEASED) {
                refused = new CatalogRefused(Reason.NOT_RELEASED,
                        Text.of("entry.formula.not-released", versionNo, code));
            }
            else if (reason == null || reason.isBlank() || reason.strip().length() > Limits.MAX_REASON) {
                refused = InvalidEntry.of("reason", Text.of("entry.formula.retire-reason", Limits.MAX_REASON));
            }
            if (refused != null) {
                changes.retireRefused(now, editor, code, versionNo, refused);
                return refused;
            }
            versions.retire(version.get().versionId(), editor.username(), reason.strip(), now);
            changes.retired(now, editor, code, versionNo, reason.strip());
            return versions.versions(code)
                .stream()
                .filter(candidate -> candidate.versionNo() == versionNo)
                .findFirst()
                .orElseThrow();
        });
        if (result instanceof RuntimeException refused) {
            throw refused;
        }
        return (FormulaVersion) result;
    }

    private FormulaVersion openDraftOf(FormulaCode code) {
        return versions.versions(code)
            .stream()
            .filter(FormulaVersion::isDraft)
            .findFirst()
            .orElseThrow(() -> CatalogRefused.noDraft(code.value()));
    }

    private static InvalidEntry takenCode(FormulaCode code) {
        return InvalidEntry.of("code", Text.of("entry.formula.code-taken", code));
    }

    /** The tests after preparation in force for the formula, by name. */
    public List<FormulaTest> tests(FormulaCode code) {
        return readOnly.execute(tx -> tests.inForce(versions.versions(code)
            .stream()
            .findFirst()
            .orElseThrow(() -> FormulaNotFound.forCode(code))
            .formulaId()));
    }

    /**
     * Adds a test that each completed preparation of the formula schedules on its sample,
     * due the delay after completion. Preparations completed before are not changed.
     * @throws InvalidEntry naming the wrong field: the name (1 to 100 characters, one
     * test of a name), the delay (1 hour to 366 days)
     */
    public FormulaTest defineTest(Actor editor, FormulaCode code, String name, String delay, String unit) {
        editor.require(Permission.EDIT_CATALOG);
        Entries entries = new Entries();
        String validName = entries.text("name", Text.of("entry.label.test-name"), name, 100);
        Integer hours = null;
        Optional<BigDecimal> amount = entries.decimal("delay", Text.of("entry.label.delay"), delay);
        if (amount.isEmpty() && !entries.has("delay")) {
            entries.problem("delay", Text.of("entry.formula.test.delay-required"));
        }
        if (amount.isPresent()) {
            BigDecimal inHours = "days".equals(unit) ? amount.get().multiply(BigDecimal.valueOf(24)) : amount.get();
            if (inHours.signum() <= 0 || inHours.stripTrailingZeros().scale() > 0 || inHours.intValue() > 8784) {
                entries.problem("delay", Text.of("entry.formula.test.delay-range"));
            }
            else {
                hours = inHours.intValueExact();
            }
        }
        entries.throwIfAny();
        int delayHours = hours;
        return transaction.execute(tx -> {
            UUID formulaId = versions.lock(code).orElseThrow(() -> FormulaNotFound.forCode(code)).id();
            if (tests.inForce(formulaId).stream().anyMatch(test -> test.name().equalsIgnoreCase(validName))) {
                throw InvalidEntry.of("name", Text.of("entry.formula.test.name-taken", code, validName));
            }
            Instant now = clock.instant();
            UUID id = UUID.randomUUID();
            tests.insert(id, formulaId, validName, delayHours, editor.username(), now);
            changes.testDefined(now, editor, code, validName, delayHours);
            return new FormulaTest(id, formulaId, validName, delayHours, now, editor.username());
        });
    }

    /** Removes a test: preparations completed from now on no longer schedule it. */
    public void removeTest(Actor editor, FormulaCode code, UUID testId) {
        editor.require(Permission.EDIT_CATALOG);
        transaction.executeWithoutResult(tx -> {
            UUID formulaId = versions.lock(code).orElseThrow(() -> FormulaNotFound.forCode(code)).id();
            FormulaTest test = tests.inForce(formulaId)
                .stream()
                .filter(candidate -> candidate.id().equals(testId))
                .findFirst()
                .orElseThrow(() -> InvalidEntry.of("test", Text.of("entry.formula.test.not-in-force", code)));
            Instant now = clock.instant();
            tests.remove(formulaId, testId, editor.username(), now);
            changes.testRemoved(now, editor, code, test.name());
        });
    }

}
