package prepbench.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Recorder;
import org.HdrHistogram.Histogram;

/**
 * Virtual technicians driving PrepBench through real HTTP: sign in, scan a formula (start
 * or resume, 303), open the preparation page, abort the session (so the next scan starts
 * a new attempt). Open loop (flows arrive at a fixed rate, latency measured from each
 * flow's intended start, so a slow server cannot hide its queue) or closed loop (every
 * technician starts the next flow as soon as the last ends).
 */
final class LoadHarness {

    private static final Pattern PREPARATION = Pattern.compile("/preparations/([0-9a-f-]{36})$");

    /**
     * How to load the server. {@code rate} is flows per second (open loop); 0 means
     * closed loop.
     */
    record Options(String baseUrl, List<String> technicians, String password, List<String> formulas, int rate,
            Duration warmUp, Duration duration) {
    }

    /** What one run measured. */
    record Result(Options options, Map<String, Histogram> latency, long flows, double seconds, Map<String, Long> errors,
            long notFound, double generatorCpuShare) {

        double throughput() {
            return flows / seconds;
        }

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final Options options;

    private final Map<String, Recorder> recorders = new ConcurrentHashMap<>();

    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    private final LongAdder notFound = new LongAdder();

    private final LongAdder flows = new LongAdder();

    private volatile java.util.function.Consumer<String> onStarted = id -> {
    };

    private volatile java.util.function.Consumer<String> onAborted = id -> {
    };

    private final AtomicBoolean recording = new AtomicBoolean();

    /**
     * Called with every session id the server acknowledged as started (a 303 to it) or
     * aborted.
     */
    LoadHarness acknowledged(java.util.function.Consumer<String> started, java.util.function.Consumer<String> aborted) {
        onStarted = started;
        onAborted = aborted;
        return this;
    }

    LoadHarness(Options options) {
        this.options = options;
        for (String operation : List.of("start", "page", "abort")) {
            recorders.put(operation, new Recorder(TimeUnit.MINUTES.toNanos(1), 3));
        }
    }

    /** One signed-in technician with their own cookies. */
    private final class Technician {

        private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

        private final String formula;

        private String csrf;

        Technician(String username, String formula) throws IOException, InterruptedException {
            this.formula = formula;
            csrf = SignIn.signIn(http, options.baseUrl(), username, options.password());
        }

        /**
         * One flow; {@code intendedStart} is when it should have started (open loop) or
         * did (closed loop).
         */
        void flow(long intendedStart) {
            try {
                HttpResponse<String> scanned = post("/scan", "raw=" + encode("F=" + formula));
                long scannedAt = System.nanoTime();
                String location = scanned.headers().firstValue("Location").orElse("");
                Matcher id = PREPARATION.matcher(location);
                if (scanned.statusCode() != 303 || !id.find()) {
                    failed("start", scanned.statusCode(), scanned.body());
                    return;
                }
                onStarted.accept(id.group(1));
                record("start", scannedAt - intendedStart);
                long pageStart = System.nanoTime();
                HttpResponse<String> page = get("/preparations/" + id.group(1));
                long pageEnd = System.nanoTime();
                if (page.statusCode() != 200 || !page.body().contains("data-session-id=\"" + id.group(1))) {
                    failed("page", page.statusCode(), page.body());
                    return;
                }
                record("page", pageEnd - pageStart);
                long abortStart = System.nanoTime();
                HttpResponse<String> aborted = post("/preparations/" + id.group(1) + "/abort", "reason=load+test");
                long abortEnd = System.nanoTime();
                if (aborted.statusCode() != 303) {
                    failed("abort", aborted.statusCode(), aborted.body());
                    return;
                }
                onAborted.accept(id.group(1));
                record("abort", abortEnd - abortStart);
                if (recording.get()) {
                    flows.increment();
                }
            }
            catch (IOException | RuntimeException failure) {
                error(failure.getClass().getSimpleName());
            }
            catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        private HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(options.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(options.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + encode(csrf)))
                .build(), HttpResponse.BodyHandlers.ofString());
        }

    }

    private void record(String operation, long nanos) {
        if (recording.get()) {
            recorders.get(operation).recordValue(Math.max(1, nanos));
        }
    }

    private void failed(String operation, int status, String body) {
        if (status == 404 || body.contains("not found")) {
            notFound.increment();
        }
        error(operation + " " + status);
    }

    private void error(String kind) {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    Result run() throws Exception {
        List<Technician> technicians = new ArrayList<>();
        for (int i = 0; i < options.technicians().size(); i++) {
            technicians.add(new Technician(options.technicians().get(i),
                    options.formulas().get(i % options.formulas().size())));
        }
        ExecutorService workers = Executors.newFixedThreadPool(technicians.size(), runnable -> {
            Thread thread = new Thread(runnable, "load-technician");
            thread.setDaemon(true);
            return thread;
        });
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpuAtStart = clientThreadsCpu(threads, Map.of());
        LongAdder workerCpu = new LongAdder();
        long processCpuStart = processCpu();
        long deadline = System.nanoTime() + options.warmUp().plus(options.duration()).toNanos();
        long measureFrom = System.nanoTime() + options.warmUp().toNanos();
        Thread switcher = new Thread(() -> {
            sleepUntil(measureFrom);
            recorders.values().forEach(Recorder::reset);
            recording.set(true);
        });
        switcher.setDaemon(true);
        switcher.start();
        if (options.rate() > 0) {
            BlockingQueue<Technician> idle = new ArrayBlockingQueue<>(technicians.size(), false, technicians);
            long interval = TimeUnit.SECONDS.toNanos(1) / options.rate();
            long next = System.nanoTime();
            while (next < deadline) {
                sleepUntil(next);
                long intended = next;
                Technician technician = idle.take();
                workers.execute(() -> {
                    long cpu = threads.getCurrentThreadCpuTime();
                    try {
                        technician.flow(intended);
                    }
                    finally {
                        workerCpu.add(threads.getCurrentThreadCpuTime() - cpu);
                        idle.add(technician);
                    }
                });
                next += interval;
            }
        }
        else {
            for (Technician technician : technicians) {
                workers.execute(() -> {
                    long cpu = threads.getCurrentThreadCpuTime();
                    while (System.nanoTime() < deadline) {
                        technician.flow(System.nanoTime());
                    }
                    workerCpu.add(threads.getCurrentThreadCpuTime() - cpu);
                });
            }
        }
        workers.shutdown();
        workers.awaitTermination(2, TimeUnit.MINUTES);
        recording.set(false);
        double seconds = (System.nanoTime() - measureFrom) / 1e9;
        long generator = workerCpu.sum()
                + clientThreadsCpu(threads, cpuAtStart).values().stream().mapToLong(Long::longValue).sum();
        long process = processCpu() - processCpuStart;
        Map<String, Histogram> latency = new java.util.TreeMap<>();
        recorders.forEach((operation, recorder) -> latency.put(operation, recorder.getIntervalHistogram()));
        Map<String, Long> errorCounts = new java.util.TreeMap<>();
        errors.forEach((kind, count) -> errorCounts.put(kind, count.sum()));
        return new Result(options, latency, flows.sum(), seconds, errorCounts, notFound.sum(),
                process > 0 ? Math.min(1.0, (double) generator / process) : 0);
    }

    /**
     * CPU time of the HTTP clients' own threads, less what they had used at
     * {@code before}.
     */
    private static Map<Long, Long> clientThreadsCpu(java.lang.management.ThreadMXBean threads, Map<Long, Long> before) {
        Map<Long, Long> cpu = new java.util.HashMap<>();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("HttpClient")) {
                long used = threads.getThreadCpuTime(info.getThreadId());
                if (used > 0) {
                    cpu.put(info.getThreadId(), used - before.getOrDefault(info.getThreadId(), 0L));
                }
            }
        }
        return cpu;
    }

    private static long processCpu() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean unix ? unix.getProcessCpuTime() : 0;
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

}
