package prepbench.preparation;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import prepbench.access.Actor;
import prepbench.formulas.BatchUnit;
import prepbench.formulas.FormulaCode;
import prepbench.support.Rows;
import prepbench.support.TestBenches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How sessions are stored, run against each supported database by a subclass: what is
 * written is read back unchanged, the constraints refuse what must never happen, and a
 * start commits whole or not at all.
 */
@SpringBootTest
@Import(FailingAuditForOneOperator.class)
abstract class PreparationStorageScenarios {

    @Autowired
    PreparationManagement preparations;

    @Autowired
    PreparationSessions sessions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    java.time.Clock clock;

    private static Actor technician(String name) {
        return Actor.withRoles(name, List.of("ROLE_TECHNICIAN"));
    }

    @Test
    void readsBackEverythingAStartWrote() {
        String operator = "store-" + UUID.randomUUID();
        String bench = TestBenches.next();
        StartOutcome outcome = preparations.startOrResume(new StartPreparation(FormulaCode.of("PRM00936"),
                technician(operator), new BatchSize(new BigDecimal("250"), BatchUnit.G), bench));

        PreparationSession stored = preparations.get(outcome.session().id());

        assertThat(stored.formulaCode()).isEqualTo(FormulaCode.of("PRM00936"));
        assertThat(stored.formulaName()).isEqualTo("Eau de parfum Citrus Bloom");
        assertThat(stored.status()).isEqualTo(SessionStatus.IN_PROGRESS);
        assertThat(stored.operator()).isEqualTo(operator);
        assertThat(stored.bench()).isEqualTo(bench);
        assertThat(stored.batch().amount()).isEqualByComparingTo("250");
        assertThat(stored.batch().unit()).isEqualTo(BatchUnit.G);
        assertThat(stored.batchMassG()).isEqualByComparingTo("250");
        assertThat(stored.startedAt()).isEqualTo(outcome.session().startedAt());
        assertThat(stored.endedAt()).isNull();
        assertThat(stored.steps()).hasSize(8);
        Step first = stored.steps().get(0);
        assertThat(first).usingRecursiveComparison()
            .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
            .isEqualTo(outcome.session().steps().get(0));
        assertThat(first.alternativeCodeValues()).containsExactly("4006381333931");
        assertThat(stored.steps().get(6).tolerance().isSymmetric()).isFalse();
        assertThat(stored.activeStep()).contains(first);
    }

    @Test
    void listsWithEveryFilter() {
        String operator = "filter-" + UUID.randomUUID();
        preparations.startOrResume(new StartPreparation(FormulaCode.of("PRM00936"), technician(operator), null, null));
        preparations.startOrResume(new StartPreparation(FormulaCode.of("COS00217"), technician(operator), null, null));

        assertThat(preparations.list(query(null, null, operator, null, null, 10)).items())
            .extracting(SessionSummary::formulaCode)
            .containsExactly("COS00217", "PRM00936");
        assertThat(preparations.list(query("in_progress", "prm00936", operator, null, null, 10)).items())
            .singleElement()
            .satisfies(summary -> {
                assertThat(summary.stepCount()).isEqualTo(8);
                assertThat(summary.stepsDone()).isZero();
            });
        assertThat(preparations.list(query("completed", null, operator, null, null, 10)).items()).isEmpty();
        assertThat(preparations.list(query(null, null, operator, "2000-01-01", "2000-01-01", 10)).items()).isEmpty();
        SessionPage first = preparations.list(query(null, null, operator, null, null, 1));
        assertThat(first.items()).hasSize(1);
        assertThat(first.next()).isNotNull();
        assertThat(preparations.list(query(null, null, operator, null, null, 1).after(first.next())).items())
            .extracting(SessionSummary::formulaCode)
            .containsExactly("PRM00936");
    }

    private static SessionQuery query(String status, String formula, String operator, String from, String to,
            int limit) {
        return SessionQuery.parse(status, formula, operator, null, null, null, from, to, null, limit);
    }

    /**
     * Pages of the history while preparations start between them: every session that was
     * there when the listing began is on exactly one page, in order, and the new ones
     * (newer) are on none of the pages that follow.
     */
    @Test
    void pagesNeverRepeatNorMissASessionWhileOthersStart() {
        java.time.Instant before = clock.instant().minusMillis(1);
        List<UUID> there = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            there.add(
                    preparations
                        .startOrResume(new StartPreparation(FormulaCode.of("PRM01204"),
                                technician("pager-" + UUID.randomUUID()), null, null))
                        .session()
                        .id()
                        .value());
        }
        SessionQuery query = SessionQuery.parse(null, "PRM01204", null, null, null, null, before.toString(), null, null,
                5);
        List<UUID> seen = new java.util.ArrayList<>();
        SessionPage page = preparations.list(query);
        while (true) {
            page.items().forEach(summary -> seen.add(summary.id()));
            for (int i = 0; i < 3; i++) {
                preparations.startOrResume(new StartPreparation(FormulaCode.of("PRM01204"),
                        technician("late-" + UUID.randomUUID()), null, null));
            }
            if (page.next() == null) {
                break;
            }
            page = preparations.list(query.after(page.next()));
        }

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(there);
        List<UUID> newestFirst = jdbc
            .sql("SELECT id FROM preparation_session WHERE id IN (:ids) ORDER BY started_at DESC, id DESC")
            .param("ids", seen)
            .query(UUID.class)
            .list();
        assertThat(seen).as("in order, newest first").containsExactlyElementsOf(newestFirst);
        assertThat(preparations.list(query.limit(100)).items()).hasSize(12 + 3 * 3);
    }

    @Test
    void aCursorThatWasNotGivenIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> SessionQuery.parse(null, null, null, null, null, null, null, null, "not-a-cursor", 5))
            .isInstanceOf(SessionQuery.Invalid.class)
            .hasMessageContaining("pass back the \"next\" value");
        assertThatThrownBy(() -> SessionQuery.parse(null, null, null, null, null, "x".repeat(65), null, null, null, 5))
            .isInstanceOf(SessionQuery.Invalid.class)
            .hasMessageContaining("Lot is at most 64");
    }

    @Test
    void aStartWhoseAuditFailsLeavesNothingBehind() {
        Rows before = Rows.count(jdbc);
        int attemptsBefore = lastAttempt("PRM01204");

        assertThatThrownBy(() -> preparations.startOrResume(new StartPreparation(FormulaCode.of("PRM01204"),
                technician(FailingAuditForOneOperator.UNLUCKY_OPERATOR), null, null)))
            .hasMessageContaining("audit store unavailable");

        Rows after = Rows.count(jdbc);
        assertThat(after.sessions()).isEqualTo(before.sessions());
        assertThat(after.steps()).isEqualTo(before.steps());
        assertThat(after.auditEvents()).isEqualTo(before.auditEvents());
        assertThat(lastAttempt("PRM01204")).isEqualTo(attemptsBefore);
    }

    @Test
    void databaseRefusesADuplicateAttemptNumber() {
        PreparationSession session = preparations
            .startOrResume(new StartPreparation(FormulaCode.of("PRM00936"), technician("dup-" + UUID.randomUUID()),
                    null, null))
            .session();

        assertThatThrownBy(() -> copySession(session, session.attemptNo(), "other-" + UUID.randomUUID(), "in_progress"))
            .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void databaseRefusesASecondInProgressSessionOfOneOperator() {
        String operator = "twice-" + UUID.randomUUID();
        PreparationSession session = preparations
            .startOrResume(new StartPreparation(FormulaCode.of("PRM00936"), technician(operator), null, null))
            .session();

        assertThatThrownBy(
                () -> copySession(session, 100_000 + (int) (Math.random() * 100_000), operator, "in_progress"))
            .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void databaseRefusesAnInProgressMarkerOnAnEndedSession() {
        PreparationSession session = preparations
            .startOrResume(new StartPreparation(FormulaCode.of("PRM00936"), technician("ended-" + UUID.randomUUID()),
                    null, null))
            .session();

        assertThatThrownBy(() -> jdbc.sql("UPDATE preparation_session SET status = 'failed' WHERE id = :id")
            .param("id", session.id().value())
            .update()).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aBenchHoldsOnePreparationAtATimeAndAResumeAtAFreeBenchMovesItThere() {
        String bench = TestBenches.next();
        String other = TestBenches.next();
        String first = "bench-a-" + UUID.randomUUID();
        PreparationSession started = preparations
            .startOrResume(new StartPreparation(FormulaCode.of("PRM00936"), technician(first), null, bench))
            .session();
        assertThat(started.bench()).isEqualTo(bench);

        assertThatThrownBy(() -> preparations.startOrResume(new StartPreparation(FormulaCode.of("COS00217"),
                technician("bench-b-" + UUID.randomUUID()), null, bench)))
            .isInstanceOfSatisfying(BenchOccupied.class,
                    occupied -> assertThat(occupied)
                        .hasMessageContaining("Bench " + bench + " is in use: PRM00936 attempt " + started.attemptNo()
                                + " by " + first)
                        .hasMessageContaining("Choose another bench"));
        assertThatThrownBy(() -> preparations
            .startOrResume(new StartPreparation(FormulaCode.of("COS00217"), technician(first), null, bench)))
            .as("not even the same person's second formula")
            .isInstanceOf(BenchOccupied.class);

        StartOutcome moved = preparations
            .startOrResume(new StartPreparation(FormulaCode.of("PRM00936"), technician(first), null, other));
        assertThat(moved.created()).isFalse();
        assertThat(moved.session().id()).isEqualTo(started.id());
        assertThat(moved.session().bench()).isEqualTo(other);
        assertThat(jdbc.sql("SELECT payload FROM audit_event WHERE session_id = :id AND action = 'SESSION_RESUMED'")
            .param("id", started.id().value())
            .query(String.class)
            .single()).contains("\"bench\":\"" + other + "\"").contains("\"movedFrom\":\"" + bench + "\"");

        PreparationSession second = preparations
            .startOrResume(new StartPreparation(FormulaCode.of("COS00217"), technician("bench-c-" + UUID.randomUUID()),
                    null, bench))
            .session();
        assertThat(second.bench())
            .as("the bench it left is free (an ended one frees it too: see the weighing flow "
                    + "tests, where attempts follow each other at one bench)")
            .isEqualTo(bench);
    }

    @Test
    void databaseRefusesASecondPreparationInProgressAtOneBench() {
        String bench = TestBenches.next();
        PreparationSession session = preparations
            .startOrResume(new StartPreparation(FormulaCode.of("PRM00936"),
                    technician("one-bench-" + UUID.randomUUID()), null, bench))
            .session();
        PreparationSession other = preparations
            .startOrResume(new StartPreparation(FormulaCode.of("COS00217"),
                    technician("one-bench-" + UUID.randomUUID()), null, TestBenches.next()))
            .session();

        assertThatThrownBy(() -> jdbc
            .sql("UPDATE preparation_session SET bench = :bench, in_progress_bench = :bench " + "WHERE id = :id")
            .param("bench", bench)
            .param("id", other.id().value())
            .update()).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(
                () -> jdbc.sql("UPDATE preparation_session SET in_progress_bench = 'elsewhere' WHERE id = :id")
                    .param("id", session.id().value())
                    .update())
            .as("the claim is the session's own bench")
            .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void manyStartingAtOneBenchAtOnceGetItOnceAndEveryoneElseHearsWhoHasIt() throws Exception {
        String bench = TestBenches.next();
        int count = 16;
        var ready = new java.util.concurrent.CyclicBarrier(count);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(count);
        try {
            List<java.util.concurrent.Future<Object>> outcomes = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                String operator = "race-" + i + "-" + UUID.randomUUID();
                String formula = List.of("PRM00936", "COS00217", "PRM01204").get(i % 3);
                outcomes.add(pool.submit(() -> {
                    ready.await();
                    try {
                        return preparations.startOrResume(
                                new StartPreparation(FormulaCode.of(formula), technician(operator), null, bench));
                    }
                    catch (BenchOccupied occupied) {
                        return occupied;
                    }
                }));
            }
            List<Object> results = new java.util.ArrayList<>();
            for (var outcome : outcomes) {
                results.add(outcome.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(results).filteredOn(StartOutcome.class::isInstance).hasSize(1);
            assertThat(results).filteredOn(BenchOccupied.class::isInstance)
                .hasSize(count - 1)
                .allSatisfy(refused -> assertThat(((BenchOccupied) refused).getMessage())
                    .startsWith("Bench " + bench + " is in use"));
            assertThat(
                    jdbc.sql("SELECT COUNT(*) FROM preparation_session WHERE bench = :bench AND status = 'in_progress'")
                        .param("bench", bench)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        }
        finally {
            pool.shutdownNow();
        }
    }

    private int lastAttempt(String code) {
        return jdbc.sql("""
                SELECT COALESCE(MAX(attempt_no), 0) FROM preparation_session s JOIN formula f ON f.id = s.formula_id
                 WHERE f.code = :code
                """).param("code", code).query(Integer.class).single();
    }

    private void copySession(PreparationSession session, int attemptNo, String operator, String status) {
        jdbc.sql("""
                INSERT INTO preparation_session (id, formula_id, formula_version_id, formula_code, formula_name,
                    version_no, attempt_no, status, operator, in_progress_operator, amount, unit, batch_mass_g,
                    step_count, started_at)
                SELECT :id, formula_id, formula_version_id, formula_code, formula_name, version_no, :attempt, :status,
                       :operator, :operator, amount, unit, batch_mass_g, step_count, started_at
                  FROM preparation_session WHERE id = :source
                """)
            .param("id", UUID.randomUUID())
            .param("attempt", attemptNo)
            .param("status", status)
            .param("operator", operator)
            .param("source", session.id().value())
            .update();
    }

}
