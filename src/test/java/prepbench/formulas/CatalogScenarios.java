package prepbench.formulas;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import prepbench.access.Actor;
import prepbench.access.NotPermitted;
import prepbench.access.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import prepbench.catalog.Ingredient;
import prepbench.catalog.IngredientEntry;
import prepbench.catalog.IngredientManagement;
import prepbench.catalog.CatalogRefused;
import prepbench.entry.InvalidEntry;

/**
 * Ingredients and formula versions through their facades, run on each supported database
 * by a subclass: the life cycle draft → released → retired, the signature, optimistic
 * concurrency of draft saves, unique codes under concurrent creation, and the audit of
 * every change.
 */
@SpringBootTest
abstract class CatalogScenarios {

    static final Actor LAB_LEAD = Actor.withRole("lablead", Role.LAB_LEAD);
    static final Actor ADMIN = Actor.withRole("admin", Role.ADMIN);
    static final Actor TECHNICIAN = Actor.withRole("technician", Role.TECHNICIAN);

    @Autowired
    FormulaManagement formulas;

    @Autowired
    IngredientManagement ingredients;

    @Autowired
    FormulaCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    prepbench.audit.AuditTrail audit;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static IngredientEntry ingredient(String code, String primary) {
        return new IngredientEntry(code, "Ingredient " + code, "64-17-5", primary, List.of(), "", "plain", "0.9", true,
                false, null);
    }

    static DraftEntry.LineEntry line(String ingredient, String percent) {
        return new DraftEntry.LineEntry(ingredient, percent, null, null, "g");
    }

    private FormulaVersion formulaWithDraft(String code) {
        return formulas.create(LAB_LEAD, code, "Test formula " + code, "100", "g");
    }

    private FormulaVersion save(FormulaCode code, FormulaVersion draft, DraftEntry.LineEntry... lines) {
        return formulas.saveDraft(LAB_LEAD, code,
                new DraftEntry(draft.name(), "100", "g", "%", List.of(lines), draft.revision()));
    }

    private long auditEvents(String chain, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE chain = :chain AND action = :action")
            .param("chain", chain)
            .param("action", action)
            .query(Long.class)
            .single();
    }

    @Test
    void aDraftIsReleasedWithASignatureAndThenPrepared() {
        String code = unique("F");
        FormulaCode formula = FormulaCode.of(code);
        FormulaVersion draft = formulaWithDraft(code);
        assertThatThrownBy(() -> catalog.released(formula)).isInstanceOf(NoReleasedVersion.class);

        draft = save(formula, draft, line("ETH-001", "80"), line("lim-001", "20"));
        assertThat(draft.sumsToOne()).isTrue();
        assertThat(draft.lines()).extracting(FormulaVersion.Line::fraction)
            .map(Number::doubleValue)
            .containsExactly(0.8, 0.2);

        FormulaVersion released = formulas.release(LAB_LEAD, formula, 1, draft.revision(), "lablead123", true);

        assertThat(released.status()).isEqualTo(VersionStatus.RELEASED);
        assertThat(released.releasedBy()).isEqualTo("lablead");
        assertThat(released.releaseMeaning()).isEqualTo("approved for preparation");
        assertThat(catalog.released(formula).versionNo()).isEqualTo(1);
        assertThat(catalog.released(formula).lines()).hasSize(2);
        assertThat(auditEvents("formula-versions:" + code, "VERSION_RELEASED")).isEqualTo(1);
    }

    @Test
    void editingAReleasedFormulaOpensANewDraftAndReleasingItRetiresTheOldVersion() {
        FormulaCode formula = FormulaCode.of(unique("F"));
        FormulaVersion draft = save(formula, formulaWithDraft(formula.value()), line("ETH-001", "100"));
        formulas.release(LAB_LEAD, formula, 1, draft.revision(), "lablead123", true);

        FormulaVersion second = formulas.openDraft(LAB_LEAD, formula);
        assertThat(second.versionNo()).isEqualTo(2);
        assertThat(second.lines()).extracting(FormulaVersion.Line::ingredientCode).containsExactly("ETH-001");
        assertThat(formulas.openDraft(LAB_LEAD, formula).versionId()).as("one open draft")
            .isEqualTo(second.versionId());
        second = save(formula, second, line("ETH-001", "90"), line("WAT-001", "10"));
        assertThat(catalog.released(formula).versionNo()).as("the draft is not prepared yet").isEqualTo(1);

        formulas.release(LAB_LEAD, formula, 2, second.revision(), "lablead123", true);

        List<FormulaVersion> versions = formulas.versions(formula);
        assertThat(versions).extracting(FormulaVersion::versionNo, FormulaVersion::status)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(2, VersionStatus.RELEASED),
                    org.assertj.core.groups.Tuple.tuple(1, VersionStatus.RETIRED));
        assertThat(versions.get(1).retiredReason()).isEqualTo("superseded by version 2");
        assertThat(versions.get(1).lines()).as("version 1 never changed").hasSize(1);
        assertThat(catalog.released(formula).versionNo()).isEqualTo(2);
    }

    @Test
    void releaseIsRefusedAndAuditedWhenTheRulesAreNotMet() {
        FormulaCode formula = FormulaCode.of(unique("F"));
        FormulaVersion draft = save(formula, formulaWithDraft(formula.value()), line("ETH-001", "60"),
                line("LIM-001", "39.5"));
        int revision = draft.revision();

        assertRefused(() -> formulas.release(LAB_LEAD, formula, 1, revision, "lablead123", true), "SUM_NOT_100",
                "99.5 %");
        FormulaVersion fixed = save(formula, draft, line("ETH-001", "60"), line("LIM-001", "40"));
        assertRefused(() -> formulas.release(LAB_LEAD, formula, 1, revision, "lablead123", true), "CHANGED_MEANWHILE",
                "Review it again");
        assertRefused(() -> formulas.release(LAB_LEAD, formula, 1, fixed.revision(), "wrong", true), "WRONG_PASSWORD",
                "own password");
        assertRefused(() -> formulas.release(LAB_LEAD, formula, 1, fixed.revision(), "lablead123", false),
                "MEANING_REQUIRED", "approved for preparation");
        assertRefused(() -> formulas.release(ADMIN, formula, 1, fixed.revision(), "admin123", true), "NOT_PERMITTED",
                "lab lead");
        assertRefused(() -> formulas.release(LAB_LEAD, formula, 7, fixed.revision(), "lablead123", true), "NOT_A_DRAFT",
                "not a draft");

        assertThat(formulas.versions(formula).get(0).status()).isEqualTo(VersionStatus.DRAFT);
        assertThat(auditEvents("formula-versions:" + formula, "RELEASE_REFUSED")).isEqualTo(6);
        assertThat(auditEvents("formula-versions:" + formula, "VERSION_RELEASED")).isZero();
    }

    /**
     * A refusal by the catalogue's rules, or by the role's permissions when the rule is
     * {@code NOT_PERMITTED}.
     */
    private static void assertRefused(Runnable action, String rule, String message) {
        if (rule.equals("NOT_PERMITTED")) {
            assertThatThrownBy(action::run).isInstanceOf(NotPermitted.class).hasMessageContaining(message);
            return;
        }
        assertThatThrownBy(action::run).isInstanceOfSatisfying(CatalogRefused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(CatalogRefused.Reason.valueOf(rule));
            assertThat(refused.getMessage()).contains(message);
        });
    }

    @Test
    void retiringTheReleasedVersionStopsNewPreparations() {
        FormulaCode formula = FormulaCode.of(unique("F"));
        FormulaVersion draft = save(formula, formulaWithDraft(formula.value()), line("ETH-001", "100"));
        formulas.release(LAB_LEAD, formula, 1, draft.revision(), "lablead123", true);

        assertThatThrownBy(() -> formulas.retire(LAB_LEAD, formula, 1, " ")).isInstanceOf(InvalidEntry.class);
        FormulaVersion retired = formulas.retire(LAB_LEAD, formula, 1, "Supplier discontinued ETH-001");

        assertThat(retired.status()).isEqualTo(VersionStatus.RETIRED);
        assertThat(retired.retiredReason()).isEqualTo("Supplier discontinued ETH-001");
        assertThatThrownBy(() -> catalog.released(formula)).isInstanceOf(NoReleasedVersion.class);
        assertRefused(() -> formulas.retire(LAB_LEAD, formula, 1, "again"), "NOT_RELEASED", "nothing to retire");
        assertRefused(() -> formulas.retire(TECHNICIAN, formula, 1, "not mine to retire"), "NOT_PERMITTED", "lab lead");
        assertThat(auditEvents("formula-versions:" + formula, "RETIRE_REFUSED")).isEqualTo(3);
    }

    @Test
    void versionsAndIngredientsAreWhatTheirChainsSayAndAnEditBehindTheBackIsFound() {
        String ingredientCode = unique("I");
        ingredients.create(LAB_LEAD, ingredient(ingredientCode, "C-" + ingredientCode));
        Ingredient created = ingredients.get(ingredientCode);
        ingredients.update(LAB_LEAD, ingredientCode, new IngredientEntry(ingredientCode, "Renamed by its editor",
                "64-17-5", "C-" + ingredientCode, List.of(), "", "plain", "0.95", true, true, created.revision()));
        FormulaCode formula = FormulaCode.of(unique("F"));
        FormulaVersion draft = save(formula, formulaWithDraft(formula.value()), line(ingredientCode, "60"),
                line("ETH-001", "40"));
        formulas.release(LAB_LEAD, formula, 1, draft.revision(), "lablead123", true);
        formulas.discardDraft(LAB_LEAD, formula, formulas.openDraft(LAB_LEAD, formula).revision());
        FormulaVersion third = save(formula, formulas.openDraft(LAB_LEAD, formula), line("ETH-001", "100"));
        formulas.release(LAB_LEAD, formula, 3, third.revision(), "lablead123", true);

        assertThat(audit.verifyFormulaVersions(formula.value()).problems()).isEmpty();
        assertThat(audit.verifyIngredient(ingredientCode).problems()).isEmpty();
        assertThat(audit.forFormulaVersions(formula.value()))
            .filteredOn(event -> event.action().equals("VERSION_RELEASED"))
            .hasSize(2)
            .allSatisfy(event -> assertThat(event.payload())
                .contains("\"signer\":\"lablead\"", "\"meaning\":\"approved for preparation\"", "\"zone\":\"UTC\"")
                .containsPattern("\"signedHash\":\"[0-9a-f]{64}\""));

        jdbc.sql("""
                UPDATE formula_line SET tol_plus_g = 9
                 WHERE line_no = 1 AND formula_version_id = (SELECT v.id FROM formula_version v JOIN formula f
                                                               ON f.id = v.formula_id
                                                            WHERE f.code = :code AND v.version_no = 1)
                """).param("code", formula.value()).update();
        jdbc.sql("""
                UPDATE formula_version SET status = 'retired', released_of = NULL
                 WHERE version_no = 3 AND formula_id = (SELECT id FROM formula WHERE code = :code)
                """).param("code", formula.value()).update();
        jdbc.sql("UPDATE ingredient SET density_g_per_ml = 0.5 WHERE code = :code")
            .param("code", ingredientCode)
            .update();

        assertThat(audit.verifyFormulaVersions(formula.value()).problems())
            .extracting(prepbench.audit.AuditProblem::kind, prepbench.audit.AuditProblem::field)
            .containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(prepbench.audit.AuditProblem.Kind.ALTERED, "version 1 lines"),
                    org.assertj.core.groups.Tuple.tuple(prepbench.audit.AuditProblem.Kind.ALTERED, "version 3 status"));
        assertThat(audit.verifyIngredient(ingredientCode).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("densityGPerMl");
            assertThat(problem.detail()).contains("the record shows 0.5", "set 0.95");
        });
    }

    @Test
    void aDiscardedDraftKeepsItsVersionNumber() {
        FormulaCode formula = FormulaCode.of(unique("F"));
        FormulaVersion draft = save(formula, formulaWithDraft(formula.value()), line("ETH-001", "100"));
        formulas.release(LAB_LEAD, formula, 1, draft.revision(), "lablead123", true);
        FormulaVersion second = formulas.openDraft(LAB_LEAD, formula);
        formulas.discardDraft(LAB_LEAD, formula, second.revision());

        FormulaVersion third = formulas.openDraft(LAB_LEAD, formula);

        assertThat(third.versionNo()).isEqualTo(3);
        assertThat(formulas.versions(formula)).extracting(FormulaVersion::versionNo, FormulaVersion::status)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(3, VersionStatus.DRAFT),
                    org.assertj.core.groups.Tuple.tuple(2, VersionStatus.RETIRED),
                    org.assertj.core.groups.Tuple.tuple(1, VersionStatus.RELEASED));
        assertThat(catalog.released(formula).versionNo()).isEqualTo(1);
    }

    @Test
    void aLargeFormulaIsSavedReleasedAndAuditedWithEveryLine() {
        List<DraftEntry.LineEntry> lines = new ArrayList<>();
        String prefix = unique("L");
        for (int i = 0; i < FormulaManagement.MAX_LINES; i++) {
            String code = prefix + "-" + i;
            ingredients.create(LAB_LEAD, ingredient(code, "C-" + code));
            lines.add(new DraftEntry.LineEntry(code, "0.5", "0.0015", "0.0025", "g"));
        }
        FormulaCode formula = FormulaCode.of(unique("BIG"));
        FormulaVersion draft = formulaWithDraft(formula.value());
        draft = formulas.saveDraft(LAB_LEAD, formula, new DraftEntry("Big", "1", "kg", "%", lines, draft.revision()));
        draft = formulas.saveDraft(LAB_LEAD, formula, new DraftEntry("Big", "2", "kg", "%", lines, draft.revision()));

        FormulaVersion released = formulas.release(LAB_LEAD, formula, 1, draft.revision(), "lablead123", true);

        assertThat(released.lines()).hasSize(FormulaManagement.MAX_LINES);
        assertThat(jdbc.sql("SELECT MAX(LENGTH(payload)) FROM audit_event WHERE chain = :chain")
            .param("chain", "formula-versions:" + formula)
            .query(Integer.class)
            .single()).isGreaterThan(10_000);
        List<DraftEntry.LineEntry> tooMany = new ArrayList<>(lines);
        tooMany.add(line("ETH-001", "1"));
        FormulaVersion next = formulas.openDraft(LAB_LEAD, formula);
        assertThatThrownBy(() -> formulas.saveDraft(LAB_LEAD, formula,
                new DraftEntry("Big", "2", "kg", "%", tooMany, next.revision())))
            .isInstanceOfSatisfying(InvalidEntry.class,
                    invalid -> assertThat(invalid.problem("lines")).contains("at most 200"));
    }

    @Test
    void everyBadLineIsNamedAndNothingIsSaved() {
        FormulaCode formula = FormulaCode.of(unique("F"));
        FormulaVersion draft = formulaWithDraft(formula.value());
        DraftEntry entry = new DraftEntry("", "0", "furlong", "%",
                List.of(line("NOPE-1", "10"), line("ETH-001", "-5"), new DraftEntry.LineEntry("", "", "", "", "g"),
                        line("LIM-001", "0"), line("ETH-001", "5"), line("WAT-001", "12,5"),
                        new DraftEntry.LineEntry("DPG-001", "1", "-1", "", "g")),
                draft.revision());

        assertThatThrownBy(() -> formulas.saveDraft(LAB_LEAD, formula, entry)).isInstanceOfSatisfying(
                InvalidEntry.class,
                invalid -> assertThat(invalid.problems())
                    .containsKeys("name", "batchAmount", "batchUnit", "lines[0].ingredientCode", "lines[1].amount",
                            "lines[3].amount", "lines[4].ingredientCode", "lines[5].amount", "lines[6].tolerance")
                    .doesNotContainKey("lines[2].ingredientCode")
                    .hasEntrySatisfying("lines[0].ingredientCode", message -> assertThat(message).contains("NOPE-1"))
                    .hasEntrySatisfying("lines[4].ingredientCode",
                            message -> assertThat(message).contains("already on line 2"))
                    .hasEntrySatisfying("lines[5].amount", message -> assertThat(message).contains("dot")));
        FormulaVersion unchanged = formulas.versions(formula).get(0);
        assertThat(unchanged.lines()).isEmpty();
        assertThat(unchanged.revision()).isEqualTo(draft.revision());
    }

    @Test
    void amountsMayBeEnteredAsFractionsAndTolerancesAsymmetric() {
        FormulaCode formula = FormulaCode.of(unique("F"));
        FormulaVersion draft = formulaWithDraft(formula.value());
        FormulaVersion saved = formulas.saveDraft(LAB_LEAD, formula,
                new DraftEntry(draft.name(), "2.5", "kg", "fraction",
                        List.of(new DraftEntry.LineEntry("ETH-001", "0.875", "0.5", "1", "g"),
                                new DraftEntry.LineEntry("LIM-001", ".125", "2", "", "%")),
                        draft.revision()));

        assertThat(saved.batchUnit()).isEqualTo(BatchUnit.KG);
        assertThat(saved.lines().get(0).tolerance().minusG()).isEqualByComparingTo("0.5");
        assertThat(saved.lines().get(0).tolerance().plusG()).isEqualByComparingTo("1");
        assertThat(saved.lines().get(0).tolerance().minusPct()).isNull();
        assertThat(saved.lines().get(1).fraction()).isEqualByComparingTo("0.125");
        assertThat(saved.lines().get(1).tolerance().minusPct()).isEqualByComparingTo("2");
        assertThat(saved.lines().get(1).tolerance().plusPct()).isEqualByComparingTo("2");
        assertThat(saved.sumsToOne()).isTrue();
    }

    @Test
    void ofTwoEditorsSavingTheSameDraftAtOnceExactlyOneWinsAndTheOtherIsToldSo() throws Exception {
        FormulaCode formula = FormulaCode.of(unique("F"));
        FormulaVersion draft = formulaWithDraft(formula.value());
        int editors = 8;
        CyclicBarrier barrier = new CyclicBarrier(editors);
        ExecutorService pool = Executors.newFixedThreadPool(editors);
        List<Future<FormulaVersion>> saves = new ArrayList<>();
        for (int i = 0; i < editors; i++) {
            String percent = String.valueOf(50 + i);
            saves.add(pool.submit(() -> {
                barrier.await();
                return save(formula, draft, line("ETH-001", percent));
            }));
        }
        int saved = 0;
        int refused = 0;
        for (Future<FormulaVersion> save : saves) {
            try {
                save.get(30, TimeUnit.SECONDS);
                saved++;
            }
            catch (java.util.concurrent.ExecutionException failure) {
                assertThat(failure.getCause()).isInstanceOfSatisfying(CatalogRefused.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo(CatalogRefused.Reason.CHANGED_MEANWHILE));
                refused++;
            }
        }
        pool.shutdown();
        assertThat(saved).isEqualTo(1);
        assertThat(refused).isEqualTo(editors - 1);
        assertThat(formulas.versions(formula).get(0).revision()).isEqualTo(draft.revision() + 1);
        assertThat(auditEvents("formula-versions:" + formula, "DRAFT_SAVED")).isEqualTo(1);
    }

    @Test
    void concurrentCreationsOfOneCodeCreateOneFormula() throws Exception {
        String code = unique("F");
        int editors = 8;
        CyclicBarrier barrier = new CyclicBarrier(editors);
        ExecutorService pool = Executors.newFixedThreadPool(editors);
        List<Future<FormulaVersion>> creates = new ArrayList<>();
        for (int i = 0; i < editors; i++) {
            String typed = i % 2 == 0 ? code : code.toLowerCase();
            creates.add(pool.submit(() -> {
                barrier.await();
                return formulas.create(LAB_LEAD, typed, "Race", "100", "g");
            }));
        }
        int created = 0;
        for (Future<FormulaVersion> create : creates) {
            try {
                create.get(30, TimeUnit.SECONDS);
                created++;
            }
            catch (java.util.concurrent.ExecutionException failure) {
                assertThat(failure.getCause()).isInstanceOfSatisfying(InvalidEntry.class,
                        invalid -> assertThat(invalid.problem("code")).contains("already"));
            }
        }
        pool.shutdown();
        assertThat(created).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM formula WHERE code = :code")
            .param("code", code)
            .query(Integer.class)
            .single()).isEqualTo(1);
    }

    @Test
    void onlyLabLeadsAndAdminsEdit() {
        assertRefused(() -> formulas.create(TECHNICIAN, unique("F"), "No", "1", "g"), "NOT_PERMITTED", "lab lead");
        assertRefused(() -> ingredients.create(TECHNICIAN, ingredient(unique("I"), unique("C"))), "NOT_PERMITTED",
                "lab lead");
        assertThat(formulas.create(ADMIN, unique("F"), "Admin's formula", "1", "g").createdBy()).isEqualTo("admin");
    }

    @Test
    void ingredientCodesAndCodeValuesAreUniqueWhateverTheCase() {
        String code = unique("I");
        String value = unique("C");
        Ingredient created = ingredients.create(LAB_LEAD, ingredient(code.toLowerCase(), value.toLowerCase()));
        assertThat(created.code().value()).isEqualTo(code);
        assertThat(created.primaryCodeValue()).isEqualTo(value);

        assertThatThrownBy(() -> ingredients.create(LAB_LEAD, ingredient(code, unique("C")))).isInstanceOfSatisfying(
                InvalidEntry.class, invalid -> assertThat(invalid.problem("code")).contains("already"));
        assertThatThrownBy(() -> ingredients.create(LAB_LEAD, ingredient(unique("I"), value.toLowerCase())))
            .isInstanceOfSatisfying(InvalidEntry.class,
                    invalid -> assertThat(invalid.problem("primaryCodeValue")).contains(code));
        assertThatThrownBy(() -> ingredients.create(LAB_LEAD, ingredient(unique("I"), "ING-ETH-001")))
            .isInstanceOfSatisfying(InvalidEntry.class,
                    invalid -> assertThat(invalid.problem("primaryCodeValue")).contains("ETH-001"));
    }

    @Test
    void anIngredientEditIsAuditedWithOldAndNewValuesAndAStaleEditIsRefused() {
        String code = unique("I");
        Ingredient created = ingredients.create(LAB_LEAD, ingredient(code, unique("C")));
        IngredientEntry edit = new IngredientEntry(code, "Renamed", "", created.primaryCodeValue(),
                List.of("ALT-" + code), "Q1, ]C1", "plain", "1.05", false, true, created.revision());

        Ingredient edited = ingredients.update(ADMIN, code, edit);

        assertThat(edited.name()).isEqualTo("Renamed");
        assertThat(edited.casNumber()).isNull();
        assertThat(edited.alternativeCodeValues()).containsExactly("ALT-" + code);
        assertThat(edited.allowedSymbologies()).isEqualTo("Q1,C1");
        assertThat(edited.active()).isFalse();
        assertThat(created.lotRequired()).isFalse();
        assertThat(edited.lotRequired()).isTrue();
        String payload = jdbc
            .sql("SELECT payload FROM audit_event WHERE chain = :chain AND action = 'INGREDIENT_CHANGED'")
            .param("chain", "ingredient:" + code)
            .query(String.class)
            .single();
        assertThat(payload).contains("\"name\":{\"old\":\"Ingredient " + code + "\",\"new\":\"Renamed\"}")
            .contains("\"casNumber\":{\"old\":\"64-17-5\",\"new\":null}")
            .contains("\"lotRequired\":{\"old\":false,\"new\":true}")
            .doesNotContain("primaryCodeValue");
        assertThatThrownBy(() -> ingredients.update(LAB_LEAD, code, edit)).isInstanceOfSatisfying(CatalogRefused.class,
                refused -> {
                    assertThat(refused.reason()).isEqualTo(CatalogRefused.Reason.CHANGED_MEANWHILE);
                    assertThat(refused.getMessage()).contains("admin");
                });
    }

    @Test
    void anInactiveIngredientCannotBeAddedToADraft() {
        String code = unique("I");
        Ingredient created = ingredients.create(LAB_LEAD, new IngredientEntry(code, "Old stock", "", unique("C"),
                List.of(), "", "plain", "", false, false, null));
        FormulaCode formula = FormulaCode.of(unique("F"));
        FormulaVersion draft = formulaWithDraft(formula.value());

        assertThatThrownBy(() -> save(formula, draft, line(created.code().value(), "100"))).isInstanceOfSatisfying(
                InvalidEntry.class,
                invalid -> assertThat(invalid.problem("lines[0].ingredientCode")).contains("inactive"));
    }

    @Test
    void learnedAliasesAreConfirmedOrRemovedByALabLead() {
        String code = unique("I");
        Ingredient created = ingredients.create(LAB_LEAD, ingredient(code, unique("C")));
        jdbc.sql("""
                INSERT INTO ingredient_code (ingredient_id, code_value, kind, learned_at, learned_by, last_seen_at)
                VALUES (:id, 'NEW-LABEL-1', 'alias', CURRENT_TIMESTAMP, 'technician', CURRENT_TIMESTAMP)
                """).param("id", created.id()).update();
        jdbc.sql("""
                INSERT INTO ingredient_code (ingredient_id, code_value, kind, learned_at, learned_by, last_seen_at)
                VALUES (:id, 'NEW-LABEL-2', 'alias', CURRENT_TIMESTAMP, 'technician', CURRENT_TIMESTAMP)
                """).param("id", created.id()).update();

        assertRefused(() -> ingredients.confirmAlias(TECHNICIAN, code, "NEW-LABEL-1"), "NOT_PERMITTED", "lab lead");
        Ingredient confirmed = ingredients.confirmAlias(LAB_LEAD, code, "NEW-LABEL-1");
        Ingredient removed = ingredients.removeAlias(LAB_LEAD, code, "NEW-LABEL-2");

        assertThat(confirmed.aliases()).filteredOn(Ingredient.Alias::confirmed)
            .extracting(Ingredient.Alias::codeValue)
            .containsExactly("NEW-LABEL-1");
        assertThat(removed.aliases()).extracting(Ingredient.Alias::codeValue).containsExactly("NEW-LABEL-1");
        assertRefused(() -> ingredients.confirmAlias(LAB_LEAD, code, "NEW-LABEL-2"), "NO_SUCH_ALIAS", "no");
        assertThat(auditEvents("ingredient:" + code, "ALIAS_CONFIRMED")).isEqualTo(1);
        assertThat(auditEvents("ingredient:" + code, "ALIAS_REMOVED")).isEqualTo(1);
    }

    @Test
    void theSameUnknownCodeLearnedForTwoIngredientsAtOnceGoesToOneAndBreaksNeitherScan() throws Exception {
        Ingredient first = ingredients.create(LAB_LEAD, ingredient(unique("I"), unique("C")));
        Ingredient second = ingredients.create(LAB_LEAD, ingredient(unique("I"), unique("C")));
        String code = unique("UNKNOWN-");
        var transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> scans = new ArrayList<>();
        for (Ingredient target : List.of(first, second)) {
            scans.add(pool.submit(() -> transaction.execute(tx -> {
                try {
                    barrier.await(10, TimeUnit.SECONDS);
                }
                catch (Exception interrupted) {
                    throw new IllegalStateException(interrupted);
                }
                ingredients.proposeAlias(target.id(), code.toLowerCase(), "technician");
                // the scan's own transaction goes on: on PostgreSQL a failed insert would
                // have aborted it
                return jdbc.sql("SELECT COUNT(*) FROM ingredient").query(Integer.class).single();
            })));
        }
        for (Future<Integer> scan : scans) {
            assertThat(scan.get(30, TimeUnit.SECONDS)).isPositive();
        }
        pool.shutdown();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ingredient_code WHERE code_value = :code")
            .param("code", code)
            .query(Integer.class)
            .single()).isEqualTo(1);
    }

}
