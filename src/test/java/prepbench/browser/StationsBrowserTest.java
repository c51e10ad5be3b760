package prepbench.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import prepbench.scales.simulator.ScaleSimulatorServer;
import prepbench.support.DemoLabels;
import prepbench.support.Eventually;
import prepbench.support.StationSettings;
import prepbench.support.Processes;
import prepbench.support.TcpGate;
import prepbench.support.TestPostgres;

/**
 * Issue 18, end to end: one central PrepBench on PostgreSQL and two stations on their own
 * H2 files, each a process of its own, each station reaching central through a gate the
 * test shuts and opens. Central is stopped in the middle of a preparation, which the
 * station completes; once central is back it has every event, its chain verified, within
 * 10 s. A station killed with SIGKILL after central took its events but before the answer
 * reached it sends them again at restart, and central keeps each once. A version retired
 * at central while a station was away turns that station's later preparation
 * {@code server_rejected}, with the reason on its bench page; a lock made at one station
 * stops the formula at the other. In the browser, a station's dashboard shows what waits.
 */
class StationsBrowserTest {

    private static final Duration SOON = Duration.ofSeconds(10);

    private final List<Process> processes = new ArrayList<>();

    private final List<AutoCloseable> closing = new ArrayList<>();

    private final HttpClient http = HttpClient.newHttpClient();

    private Path home;

    private TestPostgres.Database database;

    private ScaleSimulatorServer balance;

    @AfterEach
    void stop() throws Exception {
        processes.forEach(Process::destroyForcibly);
        for (AutoCloseable each : closing) {
            each.close();
        }
    }

    @Test
    void stationsPrepareOfflineAndCentralDecides() throws Exception {
        Browser.requireChromium();
        database = TestPostgres.freshDatabase("sync");
        home = Files.createTempDirectory("prepbench-stations-");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        balance = new ScaleSimulatorServer("mt-sics", 0, 0);
        closing.add(balance);

        int centralPort = Processes.freePort();
        String central = "http://127.0.0.1:" + centralPort;
        Process centralProcess = startCentral(centralPort);
        String tokenA = register(central, "line-a");
        String tokenB = register(central, "line-b");
        TcpGate gateA = gate(centralPort);
        TcpGate gateB = gate(centralPort);
        Station a = startStation("line-a", tokenA, gateA);
        Station[] aNow = { a };
        Station b = startStation("line-b", tokenB, gateB);

        // 1. central stops in the middle of a preparation; the station completes it
        String made = api(a.base(), "POST", "/api/v1/preparations", "technician", "tech123",
                "{\"formulaCode\":\"PRM00936\"}", 201, "$.id");
        prepareStep(a, made, 1);
        await(() -> waiting(a) == 0, "the first step sent to central");
        centralProcess.destroy();
        centralProcess.waitFor();
        for (int sequence = 2; sequence <= 8; sequence++) {
            prepareStep(a, made, sequence);
        }
        assertThat(this.<String>api(a.base(), "GET", "/api/v1/preparations/" + made, "technician", "tech123", null, 200,
                "$.status"))
            .isEqualTo("completed");
        await(() -> waiting(a) > 0 && !reachable(a), "the station knows central is away");

        try (Playwright playwright = Browser.playwright()) {
            com.microsoft.playwright.Browser chromium = Browser.launch(playwright);
            Page page = signIn(chromium, a.base(), "technician", "tech123");
            assertThat(page.getByTestId("sync-status")).hasAttribute("data-reachable", "false");
            assertThat(page.getByTestId("sync-status")).hasAttribute("data-waiting", String.valueOf(waiting(a)));
            assertThat(page.getByTestId("sync-status")).containsText(waiting(a) + " events wait to be sent");
            page.navigate(a.base() + "/preparations/" + made);
            assertThat(page.getByTestId("waiting-for-central")).isVisible();
            // central numbered it when it took the first step
            assertThat(page.getByTestId("attempt-note")).hasText("(central: 1)");

            Page lead = signIn(chromium, a.base(), "lablead", "lablead123");
            lead.navigate(a.base() + "/diagnostics");
            assertThat(lead.getByTestId("sync")).hasAttribute("data-reachable", "false");
            assertThat(lead.getByTestId("sync-waiting")).containsText(String.valueOf(waiting(a)));
            assertThat(lead.getByTestId("sync")).containsText("cannot be reached");

            centralProcess = startCentral(centralPort);
            long back = System.nanoTime();
            int atStation = events(a, made);
            await(() -> centralEvents(made) == atStation, "central has every event");
            long took = (System.nanoTime() - back) / 1_000_000;
            System.out.printf("Stations: central had the preparation's %d events %d ms after it was back%n", atStation,
                    took);
            assertThat(Duration.ofMillis(took)).isLessThanOrEqualTo(SOON);
            assertThat(api(central, "GET", "/api/v1/audit/verification", "admin", "admin123", null, 200, "$.intact")
                .toString()).isEqualTo("true");
            assertThat(this.<String>api(central, "GET", "/api/v1/preparations/" + made, "technician", "tech123", null,
                    200, "$.status"))
                .isEqualTo("completed");
            await(() -> waiting(a) == 0, "the station marks it sent");
            Page centralLead = signIn(chromium, central, "lablead", "lablead123");
            centralLead.navigate(central + "/diagnostics");
            assertThat(centralLead.locator("[data-testid=station][data-station=line-a]")).isVisible();
            assertThat(centralLead.locator("[data-testid=station][data-station=line-b]")).isVisible();
            assertThat(
                    centralLead.locator("[data-testid=station][data-station=line-a]").getByTestId("station-accounts"))
                .hasText("admin, lablead, technician");
            // central's admin page of the stations, with the accounts ticked for each
            Page centralAdmin = signIn(chromium, central, "admin", "admin123");
            centralAdmin.navigate(central + "/admin/stations");
            assertThat(centralAdmin.locator("[data-station=line-a] input[value=technician]")).isChecked();
            assertThat(centralAdmin.locator("[data-station=line-b] input[value=lablead]")).isChecked();
            assertThat(Accessibility.seriousViolations(centralAdmin)).isEmpty();
            centralLead.navigate(central + "/preparations/" + made + "/record");
            assertThat(centralLead.getByTestId("record-station")).containsText("line-a");
            assertThat(centralLead.getByTestId("audit-received").first()).isVisible();
            page.navigate(a.base() + "/");
            assertThat(page.getByTestId("sync-status")).hasAttribute("data-waiting", "0");

            // 2. the station dies between sending and hearing the answer: no duplicate
            gateA.holdAnswersTo("POST /api/v1/central/events");
            String held = api(a.base(), "POST", "/api/v1/preparations", "technician", "tech123",
                    "{\"formulaCode\":\"PRM00936\"}", 201, "$.id");
            api(a.base(), "POST", "/api/v1/preparations/" + held + "/steps/1/scan", "technician", "tech123",
                    "{\"code\":\"" + DemoLabels.PRM00936.get("ING-ETH-001") + "\"}", 200, "$.id");
            // central takes what the relay sent (the start, maybe the scan too); the
            // answer never comes
            await(() -> centralEvents(held) >= 1, "central took the events whose answer is held");
            int tookBeforeKill = centralEvents(held);
            assertThat(waiting(a)).as("events central has, not marked sent").isGreaterThanOrEqualTo(tookBeforeKill);
            a.process().destroyForcibly().waitFor();
            gateA.holdAnswersTo(null);
            Station restarted = startStation("line-a", tokenA, gateA);
            aNow[0] = restarted;
            await(() -> waiting(restarted) == 0, "the restarted station sends again and hears the answer");
            int recorded = events(restarted, held);
            System.out.printf("Stations: %d of %d events were at central when the station was killed%n", tookBeforeKill,
                    recorded);
            // sent again, each kept once: no event, receipt or preparation twice
            assertThat(centralEvents(held)).isEqualTo(recorded);
            assertThat(count("SELECT COUNT(*) FROM sync_receipt WHERE chain = ?", "session:" + held))
                .isEqualTo(recorded);
            assertThat(count("SELECT COUNT(*) FROM preparation_session WHERE id = CAST(? AS UUID)", held)).isOne();

            // 3. a version retired at central while the station was away
            gateB.shut();
            api(central, "POST", "/api/v1/formulas/PRM01204/versions/1/retire", "lablead", "lablead123",
                    "{\"reason\":\"replaced by a new recipe\"}", 200, "$.status");
            String late = api(b.base(), "POST", "/api/v1/preparations", "technician", "tech123",
                    "{\"formulaCode\":\"PRM01204\"}", 201, "$.id");
            api(b.base(), "POST", "/api/v1/preparations/" + late + "/steps/1/scan", "technician", "tech123",
                    "{\"code\":\"ING-ETH-001\"}", 200, "$.id");
            gateB.open();
            await(() -> "server_rejected".equals(api(b.base(), "GET", "/api/v1/preparations/" + late, "technician",
                    "tech123", null, 200, "$.status")), "the station marks it server_rejected");
            assertThat(api(b.base(), "GET", "/api/v1/preparations/" + late, "technician", "tech123", null, 200,
                    "$.endReason")
                .toString()).contains("was retired at central");
            Page bench = signIn(chromium, b.base(), "technician", "tech123");
            bench.navigate(b.base() + "/preparations/" + late);
            assertThat(bench.getByTestId("rejection")).containsText("Central refused this preparation");
            assertThat(bench.getByTestId("rejection")).containsText("replaced by a new recipe");
            assertThat(bench.getByTestId("session-status")).hasAttribute("data-status", "server_rejected");
            assertThat(bench.locator("#container-code")).hasCount(0);
            // and the station's dashboard lists it for whoever signs in there
            bench.navigate(b.base() + "/");
            assertThat(bench.getByTestId("refused-by-central")).containsText("PRM01204");
            assertThat(Accessibility.seriousViolations(bench)).isEmpty();
            chromium.close();
        }

        // 4. a lock made at one station stops the formula at the other
        Station atA = aNow[0];
        String locked = api(atA.base(), "POST", "/api/v1/preparations", "technician", "tech123",
                "{\"formulaCode\":\"COS00217\"}", 201, "$.id");
        api(atA.base(), "POST", "/api/v1/preparations/" + locked + "/steps/1/scan", "technician", "tech123",
                "{\"code\":\"ING-WAT-001\"}", 200, "$.id");
        api(atA.base(), "POST", "/api/v1/preparations/" + locked + "/steps/1/manual", "lablead", "lablead123",
                "{\"grams\":5000,\"reason\":\"poured too much\",\"password\":\"lablead123\",\"meaning\":\""
                        + prepbench.preparation.PreparationSession.MANUAL_MEANING + "\"}",
                200, "$.id");
        await(() -> this
            .<List<?>>api(central, "GET", "/api/v1/locks", "technician", "tech123", null, 200,
                    "$[?(@.formulaCode == 'COS00217')]")
            .size() == 1, "central locks the formula");
        // asking to start would start it while the lock is on its way: wait for the lock,
        // then try
        Station other = b;
        await(() -> this
            .<List<?>>api(other.base(), "GET", "/api/v1/locks", "technician", "tech123", null, 200,
                    "$[?(@.formulaCode == 'COS00217')]")
            .size() == 1, "the other station locks it");
        assertThat(status(other.base(), "POST", "/api/v1/preparations", "{\"formulaCode\":\"COS00217\"}"))
            .isEqualTo(409);
    }

    /** A station process: its address and the process. */
    private record Station(String base, Process process) {
    }

    /**
     * Scans the step's container and types its target in as the lab lead, at the station.
     */
    private void prepareStep(Station station, String id, int sequence) throws Exception {
        String path = "/api/v1/preparations/" + id;
        String required = api(station.base(), "GET", path, "technician", "tech123", null, 200,
                "$.steps[" + (sequence - 1) + "].requiredCodeValue");
        Object target = api(station.base(), "GET", path, "technician", "tech123", null, 200,
                "$.steps[" + (sequence - 1) + "].targetQtyG");
        api(station.base(), "POST", path + "/steps/" + sequence + "/scan", "technician", "tech123",
                "{\"code\":\"" + jsonText(DemoLabels.PRM00936.getOrDefault(required, required)) + "\"}", 200, "$.id");
        api(station.base(), "POST", path + "/steps/" + sequence + "/manual", "lablead", "lablead123",
                "{\"grams\":" + target + ",\"reason\":\"offline test\",\"password\":\"lablead123\",\"meaning\":\""
                        + prepbench.preparation.PreparationSession.MANUAL_MEANING + "\"}",
                200, "$.id");
    }

    private static String jsonText(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private Process startCentral(int port) throws Exception {
        Process process = launch("central", port, List.of("--spring.profiles.active=postgres",
                "--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(), "--prepbench.demo-data=true",
                "--prepbench.simulated-benches=0", "--prepbench.audit.key-file=" + home.resolve("central.key")));
        awaitUp("http://127.0.0.1:" + port, process, "central");
        return process;
    }

    private Station startStation(String name, String token, TcpGate gate) throws Exception {
        int port = Processes.freePort();
        List<String> settings = new ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:h2:file:" + home.resolve(name).resolve("prepbench")
                        + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
                "--prepbench.audit.key-file=" + home.resolve(name).resolve("audit.key"),
                "--prepbench.sync.retry-max=2s"));
        settings.addAll(StationSettings.of(name, balance.port(), "http://127.0.0.1:" + gate.port(), token));
        Process process = launch(name, port, settings);
        String base = "http://127.0.0.1:" + port;
        awaitUp(base, process, name);
        Station station = new Station(base, process);
        // its accounts arrive with central's data
        await(() -> status(base, "GET", "/api/v1/sync", null) == 200, name + " takes central's data");
        return station;
    }

    private Process launch(String name, int port, List<String> settings) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx320m",
                "-XX:TieredStopAtLevel=1", "-cp", classpath, "prepbench.PrepBenchApplication", "--server.port=" + port,
                "--prepbench.audit.checkpoint-dir=" + home.resolve(name + "-checkpoints"), "--logging.level.root=WARN",
                "--logging.level.prepbench.sync=INFO"));
        command.addAll(settings);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve(name + ".log").toFile()))
            .start();
        processes.add(process);
        return process;
    }

    private void awaitUp(String base, Process process, String name) throws Exception {
        try {
            Processes.awaitUp(base, process, Duration.ofSeconds(120));
        }
        catch (IllegalStateException failed) {
            throw new AssertionError(failed.getMessage() + ": " + Files.readString(home.resolve(name + ".log")),
                    failed);
        }
    }

    private TcpGate gate(int target) throws IOException {
        TcpGate gate = new TcpGate(target);
        closing.add(gate);
        gate.open();
        return gate;
    }

    /** The accounts allowed at each station of the test. */
    private static final String ACCOUNTS = "[\"admin\",\"lablead\",\"technician\"]";

    private String register(String central, String name) throws Exception {
        return api(central, "POST", "/api/v1/stations", "admin", "admin123",
                "{\"name\":\"" + name + "\",\"accounts\":" + ACCOUNTS + "}", 201, "$.token");
    }

    private long waiting(Station station) throws Exception {
        return ((Number) api(station.base(), "GET", "/api/v1/sync", "technician", "tech123", null, 200, "$.waiting"))
            .longValue();
    }

    private boolean reachable(Station station) throws Exception {
        return Boolean.TRUE.equals(
                api(station.base(), "GET", "/api/v1/sync", "technician", "tech123", null, 200, "$.centralReachable"));
    }

    private int events(Station station, String id) throws Exception {
        List<?> events = api(station.base(), "GET", "/api/v1/preparations/" + id + "/audit", "technician", "tech123",
                null, 200, "$.events");
        return events.size();
    }

    private int centralEvents(String id) throws SQLException {
        return (int) count("SELECT COUNT(*) FROM audit_event WHERE chain = ?", "session:" + id);
    }

    private long count(String sql, String value) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, value);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static Page signIn(com.microsoft.playwright.Browser chromium, String base, String user, String password) {
        BrowserContext context = chromium.newContext();
        context.setDefaultTimeout(20_000);
        Page page = context.newPage();
        page.navigate(base + "/login");
        page.getByLabel("Username").fill(user);
        page.getByLabel("Password").fill(password);
        page.getByLabel("Password").press("Enter");
        page.waitForURL(Pattern.compile(Pattern.quote(base) + "/?"));
        return page;
    }

    /**
     * Calls the API and reads one value of the answer, which must have the status
     * expected.
     */
    @SuppressWarnings("unchecked")
    private <T> T api(String base, String method, String path, String user, String password, String body, int expected,
            String read) throws Exception {
        HttpResponse<String> response = call(base, method, path, user, password, body);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return (T) JsonPath.read(response.body(), read);
    }

    private int status(String base, String method, String path, String body) throws Exception {
        try {
            return call(base, method, path, "technician", "tech123", body).statusCode();
        }
        catch (IOException down) {
            return 0;
        }
    }

    private HttpResponse<String> call(String base, String method, String path, String user, String password,
            String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization",
                    "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void await(Callable<Boolean> condition, String what) throws Exception {
        Eventually.await(condition, what, SOON);
    }

}
