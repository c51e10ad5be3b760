package prepbench.scales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import prepbench.PrepBenchApplication;
import prepbench.scales.simulator.ScaleSimulatorServer;

/**
 * A production station (demo data off) has no simulated balances: a bench configured as
 * simulated, or without a protocol, stops startup with a message naming the bench and the
 * property; the simulator API answers 404; no page carries the demo band. Its one bench
 * here is a real-protocol balance (the TCP balance simulator speaking MT-SICS).
 */
@SpringBootTest(properties = { "prepbench.demo-data=false", "prepbench.simulated-benches=0",
        "prepbench.initial-admin-password=" + ProductionStationTest.INITIAL })
@AutoConfigureMockMvc
class ProductionStationTest {

    static final String INITIAL = "first start password 2026";

    private static final ScaleSimulatorServer BALANCE;

    static {
        try {
            BALANCE = new ScaleSimulatorServer("mt-sics", 0, 0);
        }
        catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    @DynamicPropertySource
    static void oneRealBench(DynamicPropertyRegistry registry) {
        registry.add("prepbench.benches[0].id", () -> "line-1");
        registry.add("prepbench.benches[0].scale.protocol", () -> "mt-sics");
        registry.add("prepbench.benches[0].scale.host", () -> "127.0.0.1");
        registry.add("prepbench.benches[0].scale.port", BALANCE::port);
    }

    @AfterAll
    static void stopBalance() {
        BALANCE.close();
    }

    @Autowired
    MockMvc mvc;

    @Test
    void theSimulatorDoesNotExistAndNoPageSaysDemo() throws Exception {
        mvc.perform(put("/api/v1/benches/line-1/simulator").with(user("t").roles("TECHNICIAN"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"grams\":78}"))
            .andExpect(status().isNotFound())
            .andExpect(jsonPath("$.detail", containsString("only on a demo station")));
        mvc.perform(get("/api/v1/benches").with(user("t").roles("TECHNICIAN")))
            .andExpect(jsonPath("$[0].id").value("line-1"))
            .andExpect(jsonPath("$[0].simulated").value(false));
        mvc.perform(get("/login"))
            .andExpect(status().isOk())
            .andExpect(content().string(not(containsString("demo-band"))));
        mvc.perform(get("/diagnostics").with(user("lead").roles("LAB_LEAD")))
            .andExpect(status().isOk())
            .andExpect(content().string(not(containsString("Demo: simulated balances"))));
    }

    @Test
    void theFirstStartCreatesAnAdminWhoseInitialPasswordMustBeChanged() throws Exception {
        mvc.perform(get("/api/v1/users").with(httpBasic("admin", "admin123"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/users").with(httpBasic("admin", INITIAL)))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.reason").value("PASSWORD_CHANGE_REQUIRED"));
        mvc.perform(get("/api/v1/me").with(httpBasic("admin", INITIAL)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.role").value("admin"))
            .andExpect(jsonPath("$.passwordChangeRequired").value(true));
        mvc.perform(get("/api/v1/users").with(httpBasic("lablead", "lablead123"))).andExpect(status().isUnauthorized());
    }

    @Test
    void aSimulatedBenchStopsStartupNamingTheBenchAndTheProperty() {
        assertThatThrownBy(
                () -> start("--prepbench.benches[0].id=bench-7", "--prepbench.benches[0].scale.protocol=simulated"))
            .satisfies(failure -> {
                Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
                assertThat(cause).isInstanceOf(BenchMisconfigured.class)
                    .hasMessageContaining("Bench bench-7 has a simulated balance")
                    .hasMessageContaining("only on a demo station");
                assertThat(((BenchMisconfigured) cause).action())
                    .contains("Set prepbench.benches[0].scale.protocol to the balance's protocol");
                var analysis = new BenchMisconfiguredAnalyzer().analyze(failure);
                assertThat(analysis.getDescription()).isEqualTo(cause.getMessage());
                assertThat(analysis.getAction()).isEqualTo(((BenchMisconfigured) cause).action());
            });
    }

    @Test
    void aBenchWithoutAProtocolStopsStartupToo() {
        assertThatThrownBy(() -> start("--prepbench.benches[0].id=bench-9", "--prepbench.benches[1].id=bench-10"))
            .satisfies(failure -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
                .isInstanceOf(BenchMisconfigured.class)
                .hasMessageContaining("Bench bench-9 has no balance protocol"));
    }

    @Test
    void aClusterOnTheEmbeddedDatabaseStopsStartupSayingItNeedsPostgresql() {
        assertThatThrownBy(() -> start("--prepbench.cluster.enabled=true", "--prepbench.benches[0].id=line-1",
                "--prepbench.benches[0].scale.protocol=mt-sics", "--prepbench.benches[0].scale.host=127.0.0.1",
                "--prepbench.benches[0].scale.port=4001"))
            .satisfies(failure -> {
                Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
                assertThat(cause).isInstanceOf(BenchMisconfigured.class)
                    .hasMessageContaining("shares the benches between instances through PostgreSQL");
                assertThat(((BenchMisconfigured) cause).action()).contains("--spring.profiles.active=postgres");
            });
    }

    @Test
    void aClusterWithASimulatedBalanceStopsStartup() {
        prepbench.support.TestPostgres.Database database = prepbench.support.TestPostgres.freshDatabase("refused");
        assertThatThrownBy(() -> new SpringApplicationBuilder(PrepBenchApplication.class).web(WebApplicationType.NONE)
            .run("--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
                    "--spring.datasource.password=" + database.password(), "--prepbench.demo-data=true",
                    "--prepbench.simulated-benches=2", "--prepbench.cluster.enabled=true")
            .close()).satisfies(failure -> {
                Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
                assertThat(cause).isInstanceOf(BenchMisconfigured.class)
                    .hasMessageContaining("A simulated balance lives inside one instance");
                assertThat(((BenchMisconfigured) cause).action()).contains("real balance");
            });
    }

    private static void start(String... benches) {
        String[] arguments = new String[benches.length + 3];
        arguments[0] = "--prepbench.demo-data=false";
        arguments[1] = "--spring.datasource.url=jdbc:h2:mem:refused-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        arguments[2] = "--prepbench.simulated-benches=0";
        System.arraycopy(benches, 0, arguments, 3, benches.length);
        new SpringApplicationBuilder(PrepBenchApplication.class).web(WebApplicationType.NONE).run(arguments).close();
    }

}
