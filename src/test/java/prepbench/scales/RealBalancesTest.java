package prepbench.scales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import prepbench.scales.simulator.Fault;
import prepbench.scales.simulator.ScaleSimulatorServer;

/**
 * Benches wired to simulated balances over TCP, one per protocol, through whole PRM00936
 * preparations via the API; then every fault injected into one of them, and the bench
 * recovering by itself.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RealBalancesTest {

    /** bench id → its simulator: protocol, transport mode. */
    private static final Map<String, ScaleSimulatorServer> SIMULATORS = new LinkedHashMap<>();

    private static final Map<String, String> MODES = Map.of("ad", "poll", "mt-sics", "continuous", "sbi", "continuous",
            "ohaus", "poll", "faulty", "poll");

    private static final int REFUSED_PORT = freePort();

    private static ScaleSimulatorServer lateServer;

    static {
        try {
            SIMULATORS.put("ad", new ScaleSimulatorServer("ad", 0, 0));
            SIMULATORS.put("mt-sics", new ScaleSimulatorServer("mt-sics", 0, 0));
            SIMULATORS.put("sbi", new ScaleSimulatorServer("sbi", 0, 20));
            SIMULATORS.put("ohaus", new ScaleSimulatorServer("ohaus", 0, 0));
            SIMULATORS.put("faulty", new ScaleSimulatorServer("mt-sics", 0, 0));
        }
        catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    @DynamicPropertySource
    static void benches(DynamicPropertyRegistry registry) {
        int index = 0;
        for (var entry : SIMULATORS.entrySet()) {
            String prefix = "prepbench.benches[" + index++ + "]";
            String protocol = entry.getKey().equals("faulty") ? "mt-sics" : entry.getKey();
            registry.add(prefix + ".id", entry::getKey);
            registry.add(prefix + ".scale.protocol", () -> protocol);
            registry.add(prefix + ".scale.transport", () -> "tcp");
            registry.add(prefix + ".scale.host", () -> "127.0.0.1");
            registry.add(prefix + ".scale.port", () -> entry.getValue().port());
            registry.add(prefix + ".scale.mode", () -> MODES.get(entry.getKey()));
            registry.add(prefix + ".scale.poll-interval-ms", () -> 50);
        }
        String prefix = "prepbench.benches[" + index + "]";
        registry.add(prefix + ".id", () -> "unplugged");
        registry.add(prefix + ".scale.protocol", () -> "ohaus");
        registry.add(prefix + ".scale.host", () -> "127.0.0.1");
        registry.add(prefix + ".scale.port", () -> REFUSED_PORT);
    }

    @AfterAll
    static void stopSimulators() {
        SIMULATORS.values().forEach(ScaleSimulatorServer::close);
        if (lateServer != null) {
            lateServer.close();
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    BenchManagement benches;

    private final RequestPostProcessor technician = user("balance-" + UUID.randomUUID()).roles("TECHNICIAN");

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
        catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** The empty vessel put on the pan before each step, in grams. */
    private static final String VESSEL = "52.317";

    private static void load(String bench, String grams) {
        SIMULATORS.get(bench).balance().load(new BigDecimal(grams), Duration.ZERO, BigDecimal.ZERO);
    }

    private Reading awaitReading(String bench, Predicate<Reading> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Reading reading = benches.reading(bench);
        while (!wanted.test(reading) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            reading = benches.reading(bench);
        }
        assertThat(reading).as("reading of bench " + bench).matches(wanted);
        return reading;
    }

    private static Predicate<Reading> stableAt(String grams) {
        return reading -> reading.capturable() && reading.grams().compareTo(new BigDecimal(grams)) == 0;
    }

    /**
     * What the batch record says the balance is: MT-SICS answers I2 and I4; the other
     * protocols cannot say.
     */
    private static String identity(String protocol) {
        return protocol.equals("mt-sics") ? ", model PB-SIM220 220.0000 g, serial 0123456789" : "";
    }

    @ParameterizedTest
    @ValueSource(strings = { "ad", "mt-sics", "sbi", "ohaus" })
    void preparesPrm00936OnABalanceSpeaking(String bench) throws Exception {
        String created = mvc
            .perform(post("/api/v1/preparations").with(technician)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"formulaCode\":\"PRM00936\",\"bench\":\"" + bench + "\"}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
        String id = JsonPath.read(created, "$.id");
        List<String> labels = List.of("ING-ETH-001", "ING-LIM-001", "(01)09506000134352(10)L1",
                "ING=BER-001;LOT=B1;EXP=2030-06-30", "HEDIONE", "ING-ISO-001", "ING-GAL-001", "ING-VAN-001");
        for (int sequence = 1; sequence <= 8; sequence++) {
            String target = JsonPath.read(created, "$.steps[" + (sequence - 1) + "].targetQtyG").toString();
            mvc.perform(post("/api/v1/preparations/" + id + "/steps/" + sequence + "/scan").with(technician)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + labels.get(sequence - 1) + "\"}")).andExpect(status().isOk());
            // an empty vessel on the pan, tared through the balance's protocol (at step 1
            // it is the whole load)
            load(bench, VESSEL);
            awaitReading(bench, stableAt(sequence == 1 ? VESSEL : "0"));
            mvc.perform(post("/api/v1/benches/" + bench + "/tare").with(technician)).andExpect(status().isOk());
            awaitReading(bench, stableAt("0"));
            load(bench, new BigDecimal(VESSEL).add(new BigDecimal(target)).toPlainString());
            awaitReading(bench, stableAt(target));
            mvc.perform(post("/api/v1/preparations/" + id + "/steps/" + sequence + "/capture").with(technician))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.steps[" + (sequence - 1) + "].status").value("ok"))
                .andExpect(jsonPath("$.steps[" + (sequence - 1) + "].capturedQtyG").value(Double.parseDouble(target)))
                .andExpect(jsonPath("$.steps[" + (sequence - 1) + "].balance").value(bench + " (" + bench
                        + ", tcp 127.0.0.1:" + SIMULATORS.get(bench).port() + identity(bench) + ")"));
        }
        mvc.perform(get("/api/v1/preparations/" + id).with(technician))
            .andExpect(jsonPath("$.status").value("completed"));
        // the vessel off and the balance zeroed, so the tare set for this preparation
        // stays with it
        load(bench, "0");
        awaitReading(bench, reading -> reading.capturable());
        benches.zero(bench);
        awaitReading(bench, stableAt("0"));
        mvc.perform(get("/preparations/" + id + "/record").with(technician))
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(org.hamcrest.Matchers
                    .containsString("balance <span data-testid=\"balance\" dir=\"auto\">" + bench + " (" + bench
                            + ", tcp 127.0.0.1:" + SIMULATORS.get(bench).port() + identity(bench) + ")")));
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class,
            names = { "TORN", "MERGED", "GARBAGE", "OVERLONG", "CR_ONLY", "LF_ONLY", "DISCONNECT" })
    void keepsReadingThroughAFault(Fault fault) throws Exception {
        ScaleSimulatorServer simulator = SIMULATORS.get("faulty");
        simulator.fault(fault);
        try {
            for (String grams : new String[] { "12.345", "0.5", "78.001" }) {
                load("faulty", grams);
                awaitReading("faulty", stableAt(grams));
            }
            assertThat(simulator.connectedClients()).as("connections left open").isLessThanOrEqualTo(1);
        }
        finally {
            simulator.fault(Fault.NONE);
        }
    }

    @Test
    void aSilentBalanceGoesOfflineWithNothingToCaptureAndComesBack() throws Exception {
        ScaleSimulatorServer simulator = SIMULATORS.get("faulty");
        load("faulty", "5");
        awaitReading("faulty", stableAt("5"));
        simulator.fault(Fault.SILENCE);
        try {
            awaitReading("faulty", reading -> reading.state() == ScaleState.OFFLINE && !reading.capturable()
                    && reading.grams() == null);
        }
        finally {
            simulator.fault(Fault.NONE);
        }
        awaitReading("faulty", stableAt("5"));
    }

    @Test
    void aDroppedConnectionIsReopened() throws Exception {
        ScaleSimulatorServer simulator = SIMULATORS.get("faulty");
        int before = benches.status()
            .stream()
            .filter(bench -> bench.id().equals("faulty"))
            .findFirst()
            .orElseThrow()
            .reconnects();
        simulator.dropConnections();
        load("faulty", "3.21");
        awaitReading("faulty", stableAt("3.21"));
        assertThat(benches.status()
            .stream()
            .filter(bench -> bench.id().equals("faulty"))
            .findFirst()
            .orElseThrow()
            .reconnects()).isGreaterThan(before);
    }

    @Test
    void overloadUnderloadAndAnUnmovingBalanceAreNeverCapturable() throws Exception {
        load("faulty", "7000");
        awaitReading("faulty", reading -> reading.state() == ScaleState.OVERLOAD && !reading.capturable());
        load("faulty", "-500");
        awaitReading("faulty", reading -> reading.state() == ScaleState.UNDERLOAD && !reading.capturable());
        load("faulty", "5");
        awaitReading("faulty", stableAt("5"));
        SIMULATORS.get("faulty").balance().load(new BigDecimal("10"), Duration.ofSeconds(30), BigDecimal.ZERO);
        awaitReading("faulty", reading -> reading.state() == ScaleState.UNSTABLE && !reading.capturable());
        load("faulty", "1");
        awaitReading("faulty", stableAt("1"));
    }

    @Test
    void aUnitSwitchedOnTheBalanceIsNeverReadAsGrams() throws Exception {
        ScaleSimulatorServer simulator = SIMULATORS.get("sbi");
        load("sbi", "20");
        awaitReading("sbi", stableAt("20"));
        simulator.unit("lb");
        try {
            awaitReading("sbi", reading -> !reading.capturable());
            Thread.sleep(300);
            assertThat(benches.reading("sbi").capturable()).isFalse();
        }
        finally {
            simulator.unit("g");
        }
        awaitReading("sbi", stableAt("20"));
    }

    @Test
    void aRefusedConnectionIsRetriedUntilTheBalanceAppears() throws Exception {
        awaitReading("unplugged", reading -> reading.state() == ScaleState.OFFLINE);
        mvc.perform(get("/api/v1/diagnostics").with(user("lee").roles("LAB_LEAD")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.benches[?(@.id == 'unplugged')].connection")
                .value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.oneOf("disconnected", "connecting"))));

        lateServer = new ScaleSimulatorServer("ohaus", REFUSED_PORT, 0);
        lateServer.balance().load(new BigDecimal("42"), Duration.ZERO, BigDecimal.ZERO);

        awaitReading("unplugged", stableAt("42"));
        assertThat(benches.status()
            .stream()
            .filter(bench -> bench.id().equals("unplugged"))
            .findFirst()
            .orElseThrow()
            .reconnects()).isPositive();
    }

    @Test
    void diagnosticsShowRawLinesToLabLeadsOnly() throws Exception {
        load("ad", "1.5");
        awaitReading("ad", stableAt("1.5"));
        mvc.perform(get("/diagnostics").with(user("lee").roles("LAB_LEAD")))
            .andExpect(status().isOk())
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("tcp 127.0.0.1:"),
                        org.hamcrest.Matchers.containsString("PB-SIM220 220.0000 g"),
                        org.hamcrest.Matchers.containsString("0123456789"),
                        org.hamcrest.Matchers.containsString("data-testid=\"raw-lines\""))));
        mvc.perform(get("/diagnostics").with(technician)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/diagnostics").with(technician)).andExpect(status().isForbidden());
    }

}
