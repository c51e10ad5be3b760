package prepbench.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariDataSource;

import prepbench.support.DemoLabels;
import prepbench.PrepBenchApplication;
import prepbench.audit.AuditTrail;

/**
 * The soak run (issue 10): a few technicians prepare PRM00936 from start to completion
 * through the API, at a technician's pace, for hours, on the connection pool's default
 * settings (so every pooled connection, the one that ran the migrations included, is
 * retired and replaced several times). Every few minutes it prints one line: operations,
 * errors, p99 per operation, the health status, heap after a GC, the pool's connections
 * and the age of the oldest database session. At the end it checks the invariants and
 * writes {@code target/soak/<db>/}. Zero errors is the bar: an expected refusal (the
 * wrong container scanned on purpose) is counted apart. Run by hand:
 * {@code bench/soak.sh h2|postgres [minutes=120] [technicians=4]}.
 */
public final class SoakBenchmark {

    /** The empty vessel put on the pan and tared before each step, in grams. */
    private static final java.math.BigDecimal VESSEL_G = new java.math.BigDecimal("52.317");

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    private static final Duration WINDOW = Duration.ofMinutes(5);

    private static final Duration PACE = Duration.ofMillis(1000);

    private final Map<String, Recorder> window = new ConcurrentHashMap<>();

    private final Map<String, Histogram> total = new TreeMap<>();

    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    private final LongAdder refusals = new LongAdder();

    private final LongAdder completed = new LongAdder();

    private final LongAdder operations = new LongAdder();

    private final String base;

    private volatile boolean running = true;

    private SoakBenchmark(String base) {
        this.base = base;
        for (String operation : List.of("start", "read", "scan", "simulator", "tare", "capture")) {
            window.put(operation, new Recorder(TimeUnit.MINUTES.toNanos(1), 3));
            total.put(operation, new Histogram(TimeUnit.MINUTES.toNanos(1), 3));
        }
    }

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "h2";
        Duration duration = Duration.ofMinutes(args.length > 1 ? Long.parseLong(args[1]) : 120);
        int technicians = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        List<String> properties = new ArrayList<>(List.of("--server.port=0", "--prepbench.demo-data=true",
                "--logging.level.root=WARN", "--logging.level.prepbench=WARN"));
        for (int i = 0; i < technicians; i++) {
            properties.add("--prepbench.benches[" + i + "].id=soak-" + (i + 1));
            properties.add("--prepbench.benches[" + i + "].scale.protocol=simulated");
        }
        BenchDatabase databaseServer = BenchDatabase.start(database, "prepbench-soak", properties);
        ConfigurableApplicationContext app = SpringApplication.run(PrepBenchApplication.class,
                properties.toArray(String[]::new));
        try {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            HikariDataSource pool = app.getBean(HikariDataSource.class);
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            List<String> names = LoadFixture.technicians(jdbc, "soak", technicians);
            SoakBenchmark soak = new SoakBenchmark(base);
            List<String> lines = soak.run(names, duration, database, jdbc, pool);
            List<String> violations = Invariants.violations(jdbc, app.getBean(AuditTrail.class));
            lines.add("invariants: " + (violations.isEmpty() ? "all hold" : violations));
            lines.addAll(soak.summary(pool, database, jdbc, duration, technicians));
            lines.forEach(System.out::println);
            Path out = Path.of("target", "soak", database);
            Files.createDirectories(out);
            Files.write(out.resolve("report.txt"), lines, StandardCharsets.UTF_8);
            System.out.println("written " + out.resolve("report.txt"));
        }
        finally {
            app.close();
            databaseServer.close();
        }
    }

    private List<String> run(List<String> names, Duration duration, String database, JdbcClient jdbc,
            HikariDataSource pool) throws InterruptedException {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("soak on %s: %d technicians, %s, pool max-lifetime %d s, started %s", database,
                names.size(), duration, pool.getMaxLifetime() / 1000, Instant.now()));
        lines.add("minute  ops  errors  refusals  completed  p99 ms start/scan/tare/capture  health  heap MB  pool "
                + "total/active  oldest db session");
        System.out.println(String.join("\n", lines));
        ExecutorService workers = Executors.newFixedThreadPool(names.size());
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String bench = "soak-" + (i + 1);
            workers.execute(() -> technician(name, bench));
        }
        long startedAt = System.nanoTime();
        long end = startedAt + duration.toNanos();
        while (System.nanoTime() < end) {
            TimeUnit.NANOSECONDS.sleep(Math.min(WINDOW.toNanos(), end - System.nanoTime()));
            String line = windowLine((System.nanoTime() - startedAt) / 60_000_000_000L, database, jdbc, pool);
            lines.add(line);
            System.out.println(line);
        }
        running = false;
        workers.shutdown();
        workers.awaitTermination(1, TimeUnit.MINUTES);
        return lines;
    }

    private String windowLine(long minute, String database, JdbcClient jdbc, HikariDataSource pool) {
        Map<String, Histogram> latest = new TreeMap<>();
        window.forEach((operation, recorder) -> {
            Histogram histogram = recorder.getIntervalHistogram();
            latest.put(operation, histogram);
            synchronized (total) {
                total.get(operation).add(histogram);
            }
        });
        long ops = latest.values().stream().mapToLong(Histogram::getTotalCount).sum();
        return String.format("%6d %5d %7d %9d %10d   %s  %s  %7.0f  %d/%d  %s", minute, ops, errorCount(),
                refusals.sum(), completed.sum(),
                String.join("/", p99(latest.get("start")), p99(latest.get("scan")), p99(latest.get("tare")),
                        p99(latest.get("capture"))),
                health(), heapAfterGc(), pool.getHikariPoolMXBean().getTotalConnections(),
                pool.getHikariPoolMXBean().getActiveConnections(), oldestSession(database, jdbc));
    }

    private List<String> summary(HikariDataSource pool, String database, JdbcClient jdbc, Duration duration,
            int technicians) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("end %s: %d operations, %d preparations completed, %d errors %s, %d expected refusals",
                Instant.now(), operations.sum(), completed.sum(), errorCount(), errorsByKind(), refusals.sum()));
        synchronized (total) {
            total.forEach((operation,
                    histogram) -> lines.add(String.format("  %-9s n=%-7d p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms",
                            operation, histogram.getTotalCount(), histogram.getValueAtPercentile(50) / 1e6,
                            histogram.getValueAtPercentile(99) / 1e6, histogram.getMaxValue() / 1e6)));
        }
        lines.add(String.format(
                "  heap after GC %.0f MB; pool %d connections (%d active, %d idle); oldest database "
                        + "session %s; %d cores, Java %s",
                heapAfterGc(), pool.getHikariPoolMXBean().getTotalConnections(),
                pool.getHikariPoolMXBean().getActiveConnections(), pool.getHikariPoolMXBean().getIdleConnections(),
                oldestSession(database, jdbc), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version")));
        return lines;
    }

    /**
     * One technician: start, then for every step scan its container, put an empty vessel
     * on the pan and tare it, pour, capture.
     */
    private void technician(String name, String bench) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String authorization = "Basic " + Base64.getEncoder()
            .encodeToString((name + ":" + LoadFixture.PASSWORD).getBytes(StandardCharsets.UTF_8));
        long flow = 0;
        while (running) {
            flow++;
            try {
                String started = call(http, authorization, "start", "POST", "/api/v1/preparations",
                        "{\"formulaCode\":\"PRM00936\",\"bench\":\"" + bench + "\"}", 201);
                Matcher id = ID.matcher(started == null ? "" : started);
                if (!id.find()) {
                    continue;
                }
                String preparation = "/api/v1/preparations/" + id.group(1);
                for (int step = 1; step <= 8 && running; step++) {
                    String session = call(http, authorization, "read", "GET", preparation, null, 200);
                    if (session == null) {
                        break;
                    }
                    String required = field(session, step, "requiredCodeValue");
                    String target = field(session, step, "targetQtyG");
                    if (flow % 5 == 0 && step == 1) {
                        // a wrong container now and then: refused, audited, and nothing
                        // else changes
                        call(http, authorization, "scan", "POST", preparation + "/steps/1/scan",
                                "{\"code\":\"ING-VAN-001\"}", 422);
                    }
                    String label = DemoLabels.PRM00936.get(required).replace("\"", "\\\"");
                    if (call(http, authorization, "scan", "POST", preparation + "/steps/" + step + "/scan",
                            "{\"code\":\"" + label + "\"}", 200) == null
                            || call(http, authorization, "simulator", "PUT", "/api/v1/benches/" + bench + "/simulator",
                                    "{\"grams\":" + VESSEL_G + ",\"settleMs\":0}", 200) == null
                            || call(http, authorization, "tare", "POST", "/api/v1/benches/" + bench + "/tare", null,
                                    200) == null
                            || call(http, authorization, "simulator", "PUT", "/api/v1/benches/" + bench + "/simulator",
                                    "{\"grams\":" + VESSEL_G.add(new java.math.BigDecimal(target)) + ",\"settleMs\":0}",
                                    200) == null
                            || call(http, authorization, "capture", "POST", preparation + "/steps/" + step + "/capture",
                                    null, 200) == null) {
                        break;
                    }
                    if (step == 8) {
                        completed.increment();
                    }
                }
            }
            catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The step's field out of the session's JSON; its steps are listed in sequence. */
    private static String field(String session, int step, String name) {
        int at = session.indexOf("\"steps\":");
        for (int i = 0; i < step; i++) {
            at = session.indexOf("\"sequence\":", at + 1);
        }
        Matcher value = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(session);
        return value.find(at) ? value.group(1) : "";
    }

    /**
     * One request at a technician's pace; the body when the status is the expected one,
     * else null and an error.
     */
    private String call(HttpClient http, String authorization, String operation, String method, String path,
            String json, int expected) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(PACE.toMillis());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", authorization)
            .header("Content-Type", "application/json")
            .method(method,
                    json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - start;
            operations.increment();
            if (response.statusCode() != expected) {
                error(operation + " " + response.statusCode());
                return null;
            }
            if (expected >= 400) {
                refusals.increment();
                return response.body();
            }
            window.get(operation).recordValue(Math.min(Math.max(1, nanos), TimeUnit.MINUTES.toNanos(1)));
            return response.body();
        }
        catch (IOException failure) {
            error(operation + " " + failure.getClass().getSimpleName());
            return null;
        }
    }

    private void error(String kind) {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    private long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    private Map<String, Long> errorsByKind() {
        Map<String, Long> counts = new LinkedHashMap<>();
        errors.forEach((kind, count) -> counts.put(kind, count.sum()));
        return counts;
    }

    private String health() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"") ? "UP"
                    : "DOWN(" + response.statusCode() + ")";
        }
        catch (IOException failure) {
            return "unreachable";
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * When the oldest session of the application's database user started: newer than the
     * run means replaced.
     */
    private static String oldestSession(String database, JdbcClient jdbc) {
        String sql = database.equals("postgres")
                ? "SELECT MIN(backend_start) FROM pg_stat_activity WHERE datname = current_database() "
                        + "AND backend_type = 'client backend'"
                : "SELECT MIN(SESSION_START) FROM INFORMATION_SCHEMA.SESSIONS";
        return String.valueOf(jdbc.sql(sql).query((row, number) -> row.getString(1)).optional().orElse("?"));
    }

    private static double heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    private static String p99(Histogram histogram) {
        return histogram == null || histogram.getTotalCount() == 0 ? "-"
                : String.format("%.1f", histogram.getValueAtPercentile(99) / 1e6);
    }

}
