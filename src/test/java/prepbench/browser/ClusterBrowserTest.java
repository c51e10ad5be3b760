package prepbench.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import prepbench.scales.simulator.ScaleSimulatorServer;
import prepbench.support.Processes;
import prepbench.support.TestPostgres;

/**
 * Three PrepBench processes on one PostgreSQL with one TCP balance (the MT-SICS
 * simulator, which counts its connections): at no moment is more than one instance
 * connected to it; a technician signs in through the first instance, prepares PRM00936
 * through the third and watches the live weight on the second; zero and tare from the
 * third reach the owner; the owner is killed with SIGKILL in the middle of a step and
 * another instance takes the balance over within
 * {@code prepbench.cluster.takeover-seconds} (5); the preparation completes, and the
 * audit trail holds every capture once and verifies intact.
 */
class ClusterBrowserTest {

    private static final Pattern PREPARATION = Pattern.compile(".*/preparations/([0-9a-f-]{36})$");

    private static final BigDecimal VESSEL = new BigDecimal("52.317");

    private final List<Process> processes = new ArrayList<>();

    private ScaleSimulatorServer balance;

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
        if (balance != null) {
            balance.close();
        }
    }

    @Test
    void threeInstancesOneOwnerPerBalanceAndATakeoverMidStep() throws Exception {
        Browser.requireChromium();
        TestPostgres.Database database = TestPostgres.freshDatabase("cluster");
        balance = new ScaleSimulatorServer("mt-sics", 0, 0);
        Path home = Files.createTempDirectory("prepbench-cluster-");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));

        // one after another: the first writes the demo data and the audit key the others
        // read
        Map<String, String> bases = new LinkedHashMap<>();
        Map<String, Process> instances = new LinkedHashMap<>();
        for (String name : List.of("a", "b", "c")) {
            int port = Processes.freePort();
            Process process = start(name, port, database, home);
            instances.put(name, process);
            bases.put(name, "http://localhost:" + port);
            awaitUp(bases.get(name), process, home.resolve(name + ".log"));
        }
        // the first instance holds the balance, and only it
        awaitOwner(database, "a", Duration.ofSeconds(10));
        assertThat(balance.connectedClients()).isEqualTo(1);

        try (Playwright playwright = Browser.playwright()) {
            com.microsoft.playwright.Browser chromium = Browser.launch(playwright);
            BrowserContext context = chromium.newContext();
            context.setDefaultTimeout(20_000);
            Page bench = context.newPage();
            // signed in through a: the page session is in the database, so c and b know
            // it
            bench.navigate(bases.get("a") + "/login");
            bench.getByLabel("Username").fill("technician");
            bench.getByLabel("Password").fill("tech123");
            bench.getByLabel("Password").press("Enter");
            bench.waitForURL(bases.get("a") + "/");

            bench.navigate(bases.get("c") + "/");
            bench.locator("#scan").fill("F=PRM00936");
            bench.locator("#scan").press("Enter");
            bench.waitForURL(PREPARATION);
            Browser.scriptsRan(bench);
            var matcher = PREPARATION.matcher(bench.url());
            assertThat(matcher.matches()).isTrue();
            UUID preparation = UUID.fromString(matcher.group(1));
            assertThat(bench.getByTestId("bench")).hasText("line-1");

            Page watcher = context.newPage();
            String watched = bases.get("b") + "/preparations/" + preparation;

            for (int sequence = 1; sequence <= BenchSteps.LABELS.size(); sequence++) {
                BigDecimal target = identify(bench, sequence);
                // the pan emptied and zeroed, the vessel on and tared: from c, whose
                // commands reach the owner through the database
                balance.balance().load(BigDecimal.ZERO, Duration.ZERO, BigDecimal.ZERO);
                Browser.settledAfter(bench, System.currentTimeMillis());
                BenchSteps.clickAndWait(bench, BenchSteps.button(bench, "Zero"));
                balance.balance().load(VESSEL, Duration.ZERO, BigDecimal.ZERO);
                Browser.settledAfter(bench, System.currentTimeMillis());
                BenchSteps.clickAndWait(bench, BenchSteps.button(bench, "Tare"));
                assertThat(bench.getByTestId("live-grams")).hasText("0.000");

                if (sequence == 4) {
                    // the owner dies mid-step; another instance takes the balance over
                    String owner = owner(database);
                    assertThat(owner).as("the owner is a, not an instance the pages use").isEqualTo("a");
                    long accepted = balance.connectionsAccepted();
                    long killed = System.nanoTime();
                    instances.get(owner).destroyForcibly().waitFor();
                    awaitNewConnection(accepted, Duration.ofSeconds(10));
                    long tookOver = System.nanoTime();
                    System.out.printf("Cluster: %s killed, %s connected the balance %d ms later%n", owner,
                            owner(database), (tookOver - killed) / 1_000_000);
                    assertThat(Duration.ofNanos(tookOver - killed)).as("take-over after SIGKILL")
                        .isLessThanOrEqualTo(Duration.ofSeconds(5));
                    assertThat(owner(database)).isIn("b", "c");
                }

                balance.balance().load(VESSEL.add(target), Duration.ZERO, BigDecimal.ZERO);
                // the live weight on b, which neither holds the balance nor served the
                // preparation
                watcher.navigate(watched);
                assertThat(watcher.getByTestId("live-grams")).hasText(target.setScale(3).toPlainString());
                assertThat(bench.getByTestId("live-diff")).hasText("+0.000 g");
                Browser.settledAfter(bench, System.currentTimeMillis());
                BenchSteps.clickAndWait(bench, BenchSteps.button(bench, "Capture"));
                assertThat(bench.getByTestId("step").nth(sequence - 1)).hasAttribute("data-status", "ok");
            }
            assertThat(bench.getByTestId("session-status")).hasAttribute("data-status", "completed");

            // any instance's diagnostics say who holds the balance now
            Page admin = chromium.newContext().newPage();
            admin.navigate(bases.get("b") + "/login");
            admin.getByLabel("Username").fill("admin");
            admin.getByLabel("Password").fill("admin123");
            admin.getByLabel("Password").press("Enter");
            admin.waitForURL(bases.get("b") + "/");
            admin.navigate(bases.get("b") + "/diagnostics");
            assertThat(admin.getByTestId("cluster-listening")).hasAttribute("data-listening", "true");
            assertThat(admin.locator("[data-testid=owner][data-bench=line-1]")).hasAttribute("data-instance",
                    owner(database));
            assertThat(admin.locator("[data-testid=owner][data-bench=line-1]")).hasAttribute("data-current", "true");

            // an account disabled through b ends its page session, which c serves
            post(bases.get("b") + "/api/v1/users/technician/disable", "admin", "admin123");
            bench.navigate(bases.get("c") + "/");
            assertThat(bench).hasURL(Pattern.compile(".*/login.*"));
            chromium.close();
        }

        assertThat(balance.mostClientsAtOnce()).as("instances connected to the balance at once").isEqualTo(1);
        // every capture once, nothing lost or doubled, and the trail verifies
        assertThat(capturesNotOnce(database)).as("steps whose capture is not in the trail once").isEmpty();
        String verification = get(bases.get("c") + "/api/v1/audit/verification", "admin", "admin123");
        assertThat(verification).contains("\"intact\":true");
    }

    /** Scans the step's container on the bench page; the step's target. */
    private static BigDecimal identify(Page bench, int sequence) {
        assertThat(bench.getByTestId("active-step")).hasAttribute("data-sequence", String.valueOf(sequence));
        bench.locator("#container-code").fill(BenchSteps.LABELS.get(sequence - 1));
        bench.locator("#container-code").press("Enter");
        assertThat(bench.getByTestId("identified")).isVisible();
        return new BigDecimal(bench.locator("[data-target]").first().getAttribute("data-target"));
    }

    private Process start(String name, int port, TestPostgres.Database database, Path home) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx320m",
                "-XX:TieredStopAtLevel=1", "-cp", classpath, "prepbench.PrepBenchApplication", "--server.port=" + port,
                "--spring.profiles.active=postgres", "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(), "--prepbench.cluster.enabled=true",
                "--prepbench.cluster.instance-id=" + name, "--prepbench.demo-data=true",
                "--prepbench.simulated-benches=0", "--prepbench.benches[0].id=line-1",
                "--prepbench.benches[0].scale.protocol=mt-sics", "--prepbench.benches[0].scale.host=127.0.0.1",
                "--prepbench.benches[0].scale.port=" + balance.port(),
                "--prepbench.benches[0].scale.poll-interval-ms=50",
                "--prepbench.audit.key-file=" + home.resolve("audit.key"),
                "--prepbench.audit.checkpoint-dir=" + home.resolve("checkpoints"), "--logging.level.root=WARN",
                "--logging.level.prepbench.scales=INFO");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(home.resolve(name + ".log").toFile())
            .start();
        processes.add(process);
        return process;
    }

    private static void awaitUp(String base, Process process, Path log) throws Exception {
        try {
            Processes.awaitUp(base, process, Duration.ofSeconds(120));
        }
        catch (IllegalStateException failed) {
            throw new AssertionError(failed.getMessage() + ": " + Files.readString(log), failed);
        }
    }

    private static void awaitOwner(TestPostgres.Database database, String expected, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (!expected.equals(owner(database)) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(owner(database)).isEqualTo(expected);
    }

    private void awaitNewConnection(long acceptedBefore, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (balance.connectionsAccepted() == acceptedBefore && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(balance.connectionsAccepted()).as("a new owner connected").isGreaterThan(acceptedBefore);
    }

    private static String owner(TestPostgres.Database database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                ResultSet row = connection.createStatement()
                    .executeQuery("SELECT instance_id FROM bench_owners WHERE bench_id = 'line-1'")) {
            return row.next() ? row.getString(1) : null;
        }
    }

    /**
     * The steps whose capture is not in the trail exactly once: empty when every one of
     * the eight is there once.
     */
    private static Map<Integer, Integer> capturesNotOnce(TestPostgres.Database database) throws SQLException {
        String sql = "SELECT step_sequence, count(*) FROM audit_event WHERE session_id = ?"
                + " AND action = 'WEIGHT_CAPTURED' GROUP BY step_sequence";
        Map<Integer, Integer> wrong = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(),
                database.password())) {
            UUID session;
            try (ResultSet row = connection.createStatement()
                .executeQuery("SELECT id FROM preparation_session WHERE status = 'completed'")) {
                assertThat(row.next()).as("a completed preparation").isTrue();
                session = row.getObject(1, UUID.class);
            }
            Map<Integer, Integer> counts = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, session);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        counts.put(rows.getInt(1), rows.getInt(2));
                    }
                }
            }
            for (int sequence = 1; sequence <= BenchSteps.LABELS.size(); sequence++) {
                int count = counts.getOrDefault(sequence, 0);
                if (count != 1) {
                    wrong.put(sequence, count);
                }
            }
        }
        return wrong;
    }

    private static String get(String url, String user, String password) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), user, password);
    }

    private static String post(String url, String user, String password) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()), user, password);
    }

    private static String send(HttpRequest.Builder request, String user, String password) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
            .send(request
                .header("Authorization",
                        "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes()))
                .header("Accept", "application/json")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

}
