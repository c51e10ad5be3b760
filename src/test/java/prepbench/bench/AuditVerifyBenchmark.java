package prepbench.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import prepbench.PrepBenchApplication;
import prepbench.audit.AuditTrail;
import prepbench.audit.TrailFixture;
import prepbench.audit.TrailVerification;

/**
 * How long "verify everything" takes over a large trail: starts PrepBench on H2 or
 * PostgreSQL, makes real preparations for a while (their records are replayed against
 * their chains), writes synthetic sealed chains up to the number of events asked for,
 * then verifies everything several times and prints each run and the median. Run by hand:
 * {@code bench/audit-verify.sh h2|postgres [events=1000000] [runs=3]}.
 */
public final class AuditVerifyBenchmark {

    private static final int EVENTS_PER_CHAIN = 25;

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "h2";
        long wanted = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String keyRing = "bench-1 " + Base64.getEncoder().encodeToString("a benchmark's own audit key 32by".getBytes());
        List<String> properties = new ArrayList<>(List.of("--server.port=0", "--prepbench.demo-data=true",
                "--prepbench.lock.max-consecutive-failures=0", "--logging.level.root=WARN",
                "--prepbench.simulated-benches=200", "--prepbench.audit.key=" + keyRing,
                "--prepbench.audit.checkpoint-dir=target/audit-verify-bench/checkpoints-" + System.nanoTime()));
        BenchDatabase databaseServer = BenchDatabase.start(database, "prepbench-audit-verify", properties);
        ConfigurableApplicationContext app = SpringApplication.run(PrepBenchApplication.class,
                properties.toArray(String[]::new));
        try {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            AuditTrail audit = app.getBean(AuditTrail.class);
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            List<String> formulas = LoadFixture.formulas(jdbc, "v", 4);
            List<String> technicians = LoadFixture.technicians(jdbc, "v", 8);
            new LoadHarness(new LoadHarness.Options(base, technicians, LoadFixture.PASSWORD, formulas, 0,
                    Duration.ofSeconds(2), Duration.ofSeconds(20)))
                .run();
            long real = jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single();
            long sessions = jdbc.sql("SELECT COUNT(*) FROM preparation_session").query(Long.class).single();
            int chains = (int) Math.max(0, (wanted - real) / EVENTS_PER_CHAIN);
            long writing = System.nanoTime();
            TrailFixture.write(app.getBean(DataSource.class), keyRing, chains, EVENTS_PER_CHAIN);
            long total = jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single();
            System.out.printf(
                    "%s: %d events (%d from %d real preparations and the demo data, %d synthetic in %d "
                            + "chains of %d, written in %.0f s)%n",
                    database, total, real, sessions, (long) chains * EVENTS_PER_CHAIN, chains, EVENTS_PER_CHAIN,
                    (System.nanoTime() - writing) / 1e9);
            List<Double> seconds = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                TrailVerification result = audit.verifyEverything();
                double took = result.took().toNanos() / 1e9;
                seconds.add(took);
                System.out.printf("run %d: %s, %d chains, %d events in %.2f s = %.0f events/s%n", run,
                        result.intact() ? "intact" : result.problemCount() + " problems", result.chains(),
                        result.events(), took, result.events() / took);
            }
            seconds.sort(Double::compare);
            double median = seconds.get(seconds.size() / 2);
            System.out.printf("median %.2f s = %.0f events/s; heap max %d MB%n", median, total / median,
                    Runtime.getRuntime().maxMemory() >> 20);
        }
        finally {
            app.close();
            databaseServer.close();
        }
    }

}
