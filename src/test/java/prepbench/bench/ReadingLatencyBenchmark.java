package prepbench.bench;

import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import prepbench.PrepBenchApplication;
import prepbench.scales.simulator.ScaleSimulatorServer;

/**
 * Reading latency, from a balance line leaving the simulator to the reading arriving in a
 * page's SSE stream: N benches, each a simulated MT-SICS balance on TCP streaming at R
 * Hz, all watched through PrepBench's live stream; the weight changes every line so every
 * reading can be told apart. Not a test: run it by hand with
 * {@code bench/reading-latency.sh [benches] [hz] [readings]}. Everything runs in one JVM,
 * on one clock.
 */
public final class ReadingLatencyBenchmark {

    private static final Pattern READING = Pattern.compile("\"bench\":\"([^\"]+)\",\"grams\":([-0-9.]+)");

    public static void main(String[] args) throws Exception {
        int benches = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int hz = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int wanted = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;

        Map<String, Long> written = new ConcurrentHashMap<>();
        List<ScaleSimulatorServer> simulators = new ArrayList<>();
        List<String> properties = new ArrayList<>(List.of("--server.port=0", "--prepbench.demo-data=true",
                "--spring.datasource.url=jdbc:h2:mem:latency;DB_CLOSE_DELAY=-1", "--logging.level.root=WARN"));
        for (int i = 0; i < benches; i++) {
            String bench = "b" + i;
            ScaleSimulatorServer simulator = new ScaleSimulatorServer("mt-sics", 0, hz);
            simulator.onLineWritten((line, nanos) -> written.putIfAbsent(bench + "|" + grams(line), nanos));
            simulators.add(simulator);
            String prefix = "--prepbench.benches[" + i + "]";
            properties.addAll(List.of(prefix + ".id=" + bench, prefix + ".scale.protocol=mt-sics",
                    prefix + ".scale.host=127.0.0.1", prefix + ".scale.port=" + simulator.port(),
                    prefix + ".scale.mode=continuous"));
        }
        ConfigurableApplicationContext app = SpringApplication.run(PrepBenchApplication.class,
                properties.toArray(String[]::new));
        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        SignIn.signIn(http, base, "technician", "tech123");

        Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        AtomicBoolean measuring = new AtomicBoolean(false);
        CountDownLatch done = new CountDownLatch(1);
        Map<String, Boolean> seen = new ConcurrentHashMap<>();
        for (int i = 0; i < benches; i++) {
            HttpRequest stream = HttpRequest.newBuilder(URI.create(base + "/benches/b" + i + "/stream")).build();
            http.sendAsync(stream, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().filter(line -> line.startsWith("data:")).forEach(line -> {
                    long now = System.nanoTime();
                    Matcher reading = READING.matcher(line);
                    if (!reading.find()) {
                        return;
                    }
                    String key = reading.group(1) + "|"
                            + new BigDecimal(reading.group(2)).stripTrailingZeros().toPlainString();
                    Long sent = written.get(key);
                    if (sent != null && measuring.get() && seen.putIfAbsent(key, true) == null) {
                        synchronized (latency) {
                            latency.recordValue(Math.max(0, now - sent));
                            if (latency.getTotalCount() >= wanted) {
                                done.countDown();
                            }
                        }
                    }
                }));
        }

        ScheduledExecutorService driver = Executors.newSingleThreadScheduledExecutor();
        long[] step = { 0 };
        driver.scheduleAtFixedRate(() -> {
            step[0]++;
            for (int i = 0; i < simulators.size(); i++) {
                BigDecimal grams = new BigDecimal(100 + i).add(new BigDecimal(step[0]).movePointLeft(3));
                simulators.get(i).balance().load(grams, Duration.ZERO, BigDecimal.ZERO);
            }
        }, 0, 1000 / hz, TimeUnit.MILLISECONDS);

        Thread.sleep(5_000);
        measuring.set(true);
        long started = System.nanoTime();
        boolean complete = done.await(5, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - started) / 1e9;
        driver.shutdownNow();

        System.out.printf("reading latency, simulator line written -> reading in SSE stream%n");
        System.out.printf("benches %d, %d Hz each, %d readings in %.1f s%s%n", benches, hz, latency.getTotalCount(),
                seconds, complete ? "" : " (timed out before " + wanted + ")");
        System.out.printf("machine: %d cores, %d MiB max heap, Java %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), System.getProperty("java.version"));
        for (double percentile : new double[] { 50, 90, 99, 99.9 }) {
            System.out.printf("p%-5s %8.2f ms%n", percentile, latency.getValueAtPercentile(percentile) / 1e6);
        }
        System.out.printf("max    %8.2f ms%n", latency.getMaxValue() / 1e6);
        simulators.forEach(ScaleSimulatorServer::close);
        app.close();
        System.exit(0);
    }

    private static String grams(String line) {
        String[] parts = line.trim().split("\\s+");
        for (String part : parts) {
            if (part.matches("[-+]?[0-9]+(\\.[0-9]+)?")) {
                return new BigDecimal(part).stripTrailingZeros().toPlainString();
            }
        }
        return line;
    }

}
