package prepbench.preparation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import prepbench.access.Actor;
import prepbench.formulas.FormulaCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 64 simultaneous starts of one formula, run against each supported database by a
 * subclass. Whatever the interleaving: attempt numbers are unique and gapless, an
 * operator has at most one in-progress session per formula, and every session has all its
 * steps and its audit event.
 */
@SpringBootTest
abstract class StartConcurrencyScenarios {

    private static final int THREADS = 64;

    private static final FormulaCode FORMULA = FormulaCode.of("PRM00936");

    private static final int FORMULA_LINES = 8;

    @Autowired
    PreparationManagement preparations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void eightOperatorsStartingAtOnceGetOneSessionEach() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Actor> operators = IntStream.range(0, THREADS)
            .mapToObj(i -> technician("op" + (i % 8) + "-" + run))
            .toList();

        List<StartOutcome> outcomes = startAllAtOnce(operators);

        assertThat(outcomes.stream().filter(StartOutcome::created)).hasSize(8);
        Map<String, Set<SessionId>> sessionsByOperator = outcomes.stream()
            .collect(Collectors.groupingBy(outcome -> outcome.session().operator(),
                    Collectors.mapping(outcome -> outcome.session().id(), Collectors.toSet())));
        assertThat(sessionsByOperator).hasSize(8).allSatisfy((operator, ids) -> assertThat(ids).hasSize(1));
        assertInvariants();
    }

    @Test
    void oneOperatorStartingSixtyFourTimesAtOnceGetsOneSession() throws Exception {
        Actor operator = technician("solo-" + UUID.randomUUID().toString().substring(0, 8));

        List<StartOutcome> outcomes = startAllAtOnce(java.util.Collections.nCopies(THREADS, operator));

        assertThat(outcomes.stream().filter(StartOutcome::created)).hasSize(1);
        assertThat(outcomes.stream().map(outcome -> outcome.session().id()).distinct()).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE actor = :actor AND action = 'SESSION_RESUMED'")
            .param("actor", operator.username())
            .query(Integer.class)
            .single()).isEqualTo(THREADS - 1);
        assertInvariants();
    }

    @Test
    void sixtyFourOperatorsStartingAtOnceGetConsecutiveAttemptNumbers() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Actor> operators = IntStream.range(0, THREADS).mapToObj(i -> technician("many" + i + "-" + run)).toList();

        List<StartOutcome> outcomes = startAllAtOnce(operators);

        assertThat(outcomes).allMatch(StartOutcome::created);
        List<Integer> attempts = outcomes.stream().map(outcome -> outcome.session().attemptNo()).sorted().toList();
        int first = attempts.get(0);
        assertThat(attempts).isEqualTo(IntStream.range(first, first + THREADS).boxed().toList());
        assertInvariants();
    }

    @Test
    void theFirstStartsOfAFormulaNeverPreparedBeforeRaceSafely() throws Exception {
        FormulaCode fresh = FormulaCode.of("RACE" + UUID.randomUUID().toString().substring(0, 6));
        copyOfPrm00936(fresh);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Actor> operators = IntStream.range(0, 16).mapToObj(i -> technician("first" + i + "-" + run)).toList();

        List<StartOutcome> outcomes = startAllAtOnce(operators, fresh);

        assertThat(outcomes).allMatch(StartOutcome::created);
        assertThat(outcomes.stream().map(outcome -> outcome.session().attemptNo()).sorted().toList())
            .isEqualTo(IntStream.rangeClosed(1, 16).boxed().toList());
    }

    /**
     * A released formula with PRM00936's lines under a new code, and no attempt counter
     * yet.
     */
    private void copyOfPrm00936(FormulaCode code) {
        UUID formula = UUID.randomUUID();
        UUID version = UUID.randomUUID();
        jdbc.sql("INSERT INTO formula (id, code, name, created_at) VALUES (:id, :code, 'Race test', CURRENT_TIMESTAMP)")
            .param("id", formula)
            .param("code", code.value())
            .update();
        jdbc.sql(
                """
                        INSERT INTO formula_version (id, formula_id, version_no, name, status, batch_amount, batch_unit, released_at,
                                                     released_by, created_at, released_of)
                        VALUES (:id, :formula, 1, 'Race test', 'released', 100, 'g', CURRENT_TIMESTAMP, 'test', CURRENT_TIMESTAMP, :formula)
                        """)
            .param("id", version)
            .param("formula", formula)
            .update();
        jdbc.sql("""
                INSERT INTO formula_line (formula_version_id, line_no, ingredient_id, fraction)
                SELECT :version, l.line_no, l.ingredient_id, l.fraction
                  FROM formula_line l JOIN formula_version v ON v.id = l.formula_version_id
                  JOIN formula f ON f.id = v.formula_id
                 WHERE f.code = 'PRM00936' AND v.version_no = 1
                """).param("version", version).update();
    }

    private List<StartOutcome> startAllAtOnce(List<Actor> operators) throws Exception {
        return startAllAtOnce(operators, FORMULA);
    }

    private List<StartOutcome> startAllAtOnce(List<Actor> operators, FormulaCode formula) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(operators.size());
        CyclicBarrier barrier = new CyclicBarrier(operators.size());
        try {
            List<Future<StartOutcome>> futures = new ArrayList<>();
            for (Actor operator : operators) {
                futures.add(pool.submit(() -> {
                    barrier.await(30, TimeUnit.SECONDS);
                    return preparations.startOrResume(new StartPreparation(formula, operator, null, null));
                }));
            }
            List<StartOutcome> outcomes = new ArrayList<>();
            for (Future<StartOutcome> future : futures) {
                outcomes.add(future.get(120, TimeUnit.SECONDS));
            }
            return outcomes;
        }
        finally {
            pool.shutdownNow();
        }
    }

    private void assertInvariants() {
        List<Integer> attempts = jdbc.sql("""
                SELECT s.attempt_no FROM preparation_session s JOIN formula f ON f.id = s.formula_id
                 WHERE f.code = :code ORDER BY s.attempt_no
                """).param("code", FORMULA.value()).query(Integer.class).list();
        assertThat(attempts).as("attempt numbers are 1..n without gaps or repeats")
            .isEqualTo(IntStream.rangeClosed(1, attempts.size()).boxed().toList());
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM (SELECT formula_id, operator FROM preparation_session
                                       WHERE status = 'in_progress' GROUP BY formula_id, operator
                                      HAVING COUNT(*) > 1) duplicates
                """).query(Integer.class).single()).as("operators with two in-progress sessions of one formula")
            .isZero();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM preparation_session s
                 WHERE s.formula_code = :code
                   AND (s.step_count <> :lines
                        OR (SELECT COUNT(*) FROM preparation_step st WHERE st.session_id = s.id) <> :lines)
                """).param("code", FORMULA.value()).param("lines", FORMULA_LINES).query(Integer.class).single())
            .as("sessions missing steps")
            .isZero();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM preparation_session s
                 WHERE (SELECT COUNT(*) FROM audit_event a
                         WHERE a.session_id = s.id AND a.action = 'SESSION_STARTED') <> 1
                """).query(Integer.class).single()).as("sessions without exactly one start event").isZero();
    }

    private static Actor technician(String username) {
        return Actor.withRoles(username, List.of("ROLE_TECHNICIAN"));
    }

}
