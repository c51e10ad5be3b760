package prepbench.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import prepbench.PrepBenchApplication;
import prepbench.audit.AuditTrail;

/**
 * The load benchmark of PrepBench: starts it on H2 (a file database) or PostgreSQL
 * (embedded, or the server named by {@code PREPBENCH_TEST_POSTGRES_URL}), creates
 * technicians and 10-line formulas, and runs the latency runs (open loop at 50 and 200
 * flows/s over 32 technicians) and the saturation runs (closed loop with 1, 8, 32 and 128
 * technicians). Checks the invariants after every run; writes
 * {@code target/load/<db>/results.json} and {@code latency.html}. Run by hand:
 * {@code bench/load.sh h2|postgres [seconds]}.
 */
public final class LoadBenchmark {

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "h2";
        Duration duration = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 30);
        Duration warmUp = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 10);
        List<String> properties = new ArrayList<>(List.of("--server.port=0", "--prepbench.demo-data=true",
                "--prepbench.lock.max-consecutive-failures=0", "--logging.level.root=WARN",
                "--server.tomcat.threads.max=200", "--spring.datasource.hikari.maximum-pool-size=16",
                // a bench holds one preparation at a time: a bench for every technician
                "--prepbench.simulated-benches=200"));
        BenchDatabase databaseServer = BenchDatabase.start(database, "prepbench-load", properties);
        ConfigurableApplicationContext app = SpringApplication.run(PrepBenchApplication.class,
                properties.toArray(String[]::new));
        try {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            AuditTrail audit = app.getBean(AuditTrail.class);
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            List<String> formulas = LoadFixture.formulas(jdbc, "f", 8);
            List<String> technicians = LoadFixture.technicians(jdbc, "t", 128);
            Map<String, LoadHarness.Result> runs = new LinkedHashMap<>();
            for (int rate : new int[] { 50, 200 }) {
                run(runs, "open loop " + rate + "/s, 32 technicians", new LoadHarness.Options(base,
                        technicians.subList(0, 32), LoadFixture.PASSWORD, formulas, rate, warmUp, duration), jdbc,
                        audit);
            }
            for (int count : new int[] { 1, 8, 32, 128 }) {
                run(runs, "closed loop, " + count + " technicians", new LoadHarness.Options(base,
                        technicians.subList(0, count), LoadFixture.PASSWORD, formulas, 0, warmUp, duration), jdbc,
                        audit);
            }
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("database", database);
            meta.put("cores", Runtime.getRuntime().availableProcessors());
            meta.put("java", System.getProperty("java.version"));
            meta.put("durationSeconds", duration.toSeconds());
            LoadReport.write(Path.of("target", "load", database), meta, runs);
            System.out.println("written target/load/" + database + "/results.json and latency.html");
        }
        finally {
            app.close();
            databaseServer.close();
        }
    }

    static void run(Map<String, LoadHarness.Result> runs, String label, LoadHarness.Options options, JdbcClient jdbc,
            AuditTrail audit) throws Exception {
        LoadHarness.Result result = new LoadHarness(options).run();
        runs.put(label, result);
        System.out.print(LoadReport.line(label, result));
        List<String> violations = Invariants.violations(jdbc, audit);
        System.out.println("    invariants: " + (violations.isEmpty() ? "all hold" : violations));
    }

}
