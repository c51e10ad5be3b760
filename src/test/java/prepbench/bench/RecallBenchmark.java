package prepbench.bench;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;

import org.HdrHistogram.Histogram;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import prepbench.PrepBenchApplication;
import prepbench.preparation.PreparationManagement;
import prepbench.preparation.SessionPage;
import prepbench.preparation.SessionQuery;

/**
 * How long a recall ("which preparations used lot X") and a page of the history take over
 * a large history: starts PrepBench on PostgreSQL (or H2), writes synthetic completed
 * preparations of ten steps each up to the number of steps asked for (each step's lot one
 * of {@code steps / 50} lots, so a lot was weighed about 50 times), then runs each query
 * many times through {@link PreparationManagement#list} and prints p50, p99 and the
 * maximum. Run by hand:
 * {@code bench/recall.sh postgres|h2 [steps=1000000] [queries=2000]}.
 */
public final class RecallBenchmark {

    private static final int STEPS_PER_SESSION = 10;

    private static final int BATCH = 2_000;

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "postgres";
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        List<String> properties = new ArrayList<>(List.of("--server.port=0", "--prepbench.demo-data=true",
                "--logging.level.root=WARN", "--prepbench.simulated-benches=4",
                "--prepbench.audit.key=bench-1 "
                        + java.util.Base64.getEncoder().encodeToString("a benchmark's own audit key 32by".getBytes()),
                "--prepbench.audit.checkpoint-dir=target/recall-bench/checkpoints-" + System.nanoTime()));
        BenchDatabase databaseServer = BenchDatabase.start(database, "prepbench-recall", properties);
        ConfigurableApplicationContext app = SpringApplication.run(PrepBenchApplication.class,
                properties.toArray(String[]::new));
        try {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            int lots = Math.max(1, steps / 50);
            long writing = System.nanoTime();
            write(jdbc, app.getBean(JdbcTemplate.class), steps / STEPS_PER_SESSION, lots);
            if (database.equals("postgres")) {
                jdbc.sql("ANALYZE").update();
            }
            long total = jdbc.sql("SELECT COUNT(*) FROM preparation_step").query(Long.class).single();
            System.out.printf("%s: %d steps in %d preparations (%d lots), written in %.0f s%n", database, total,
                    total / STEPS_PER_SESSION, lots, (System.nanoTime() - writing) / 1e9);
            PreparationManagement preparations = app.getBean(PreparationManagement.class);
            Random random = new Random(7);
            List<String> ingredients = jdbc.sql("SELECT code FROM ingredient ORDER BY code").query(String.class).list();
            SessionPage deep = preparations.list(query(null, null, null, 500));
            for (int page = 0; page < 99 && deep.next() != null; page++) {
                deep = preparations.list(query(null, null, null, 500).after(deep.next()));
            }
            SessionQuery.Cursor far = deep.next();
            measure("recall: lot", queries, preparations, i -> query("lot-" + random.nextInt(lots), null, null, 100));
            measure("recall: lot of an ingredient", queries, preparations, i -> query("LOT-" + random.nextInt(lots),
                    ingredients.get(random.nextInt(ingredients.size())), null, 100));
            measure("history: first page", queries, preparations, i -> query(null, null, null, 50));
            measure("history: page after 50,000", queries, preparations, i -> query(null, null, null, 50).after(far));
            measure("history: one formula, first page", queries, preparations, i -> query(null, null, "PRM00936", 50));
        }
        finally {
            app.close();
            databaseServer.close();
        }
    }

    private static SessionQuery query(String lot, String ingredient, String formula, int limit) {
        return SessionQuery.parse(null, formula, null, null, ingredient, lot, null, null, null, limit);
    }

    private static void measure(String name, int queries, PreparationManagement preparations,
            IntFunction<SessionQuery> queryOf) {
        for (int i = 0; i < Math.min(200, queries); i++) {
            preparations.list(queryOf.apply(i));
        }
        Histogram micros = new Histogram(60_000_000L, 3);
        long found = 0;
        for (int i = 0; i < queries; i++) {
            SessionQuery query = queryOf.apply(i);
            long start = System.nanoTime();
            found += preparations.list(query).items().size();
            micros.recordValue((System.nanoTime() - start) / 1_000);
        }
        System.out.printf("%-36s %6d queries, %5.1f rows each: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", name, queries,
                (double) found / queries, micros.getValueAtPercentile(50) / 1e3, micros.getValueAtPercentile(99) / 1e3,
                micros.getMaxValue() / 1e3);
    }

    /**
     * Completed preparations of PRM00936's released version, ten steps each, over the
     * last year, every step with a lot. Written directly (they are data to search, not a
     * record to verify).
     */
    private static void write(JdbcClient jdbc, JdbcTemplate batch, int sessions, int lots) {
        Map<String, Object> version = jdbc.sql("""
                SELECT f.id AS formula_id, v.id AS version_id, v.version_no FROM formula f
                  JOIN formula_version v ON v.released_of = f.id WHERE f.code = 'PRM00936'
                """).query().singleRow();
        List<Map<String, Object>> ingredients = jdbc.sql("SELECT id, code, name FROM ingredient ORDER BY code")
            .query()
            .listOfRows();
        int firstAttempt = jdbc.sql("SELECT COALESCE(MAX(attempt_no), 0) + 1 FROM preparation_session")
            .query(Integer.class)
            .single();
        Random random = new Random(42);
        Instant now = Instant.now();
        List<Object[]> sessionRows = new ArrayList<>();
        List<Object[]> stepRows = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            UUID id = UUID.randomUUID();
            Timestamp started = Timestamp.from(now.minusSeconds(365L * 24 * 3600 * s / sessions + 3600));
            sessionRows.add(new Object[] { id, version.get("formula_id"), version.get("version_id"), "PRM00936",
                    "Eau de parfum Citrus Bloom", version.get("version_no"), firstAttempt + s, "completed",
                    "bench-user-" + (s % 40), "bench-" + (s % 12), new BigDecimal("100"), "g", new BigDecimal("100"),
                    STEPS_PER_SESSION, started, started });
            for (int q = 1; q <= STEPS_PER_SESSION; q++) {
                Map<String, Object> ingredient = ingredients.get(random.nextInt(ingredients.size()));
                stepRows.add(new Object[] { id, q, UUID.randomUUID(), ingredient.get("id"), ingredient.get("code"),
                        ingredient.get("name"), "CODE", "plain", new BigDecimal("10"), new BigDecimal("0.05"),
                        new BigDecimal("0.05"), new BigDecimal("10.001"), true, "LOT-" + random.nextInt(lots), "ok",
                        started });
            }
            if (sessionRows.size() * STEPS_PER_SESSION >= BATCH * 5 || s == sessions - 1) {
                batch.batchUpdate("""
                        INSERT INTO preparation_session (id, formula_id, formula_version_id, formula_code,
                            formula_name, version_no, attempt_no, status, operator, bench, amount, unit, batch_mass_g,
                            step_count, started_at, ended_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, sessionRows);
                batch.batchUpdate("""
                        INSERT INTO preparation_step (session_id, sequence_no, id, ingredient_id, ingredient_code,
                            ingredient_name, required_code_value, parser, target_g, tol_minus_g, tol_plus_g,
                            captured_g, is_stable, lot, status, captured_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, stepRows);
                sessionRows.clear();
                stepRows.clear();
            }
        }
    }

}
