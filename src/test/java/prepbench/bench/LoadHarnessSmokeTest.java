package prepbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import prepbench.audit.AuditTrail;

/**
 * The load harness in its short mode, as CI runs it: a few seconds of closed- and
 * open-loop load through real HTTP. Fails on any error, any "not found", and any broken
 * invariant.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "prepbench.lock.max-consecutive-failures=0")
class LoadHarnessSmokeTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail audit;

    @Test
    void shortLoadRunsWithoutErrorsAndKeepsEveryInvariant() throws Exception {
        List<String> formulas = LoadFixture.formulas(jdbc, "smoke", 2);
        List<String> technicians = LoadFixture.technicians(jdbc, "smoke", 6);
        String base = "http://127.0.0.1:" + port;

        LoadHarness.Result closed = new LoadHarness(new LoadHarness.Options(base, technicians, LoadFixture.PASSWORD,
                formulas, 0, Duration.ofMillis(500), Duration.ofSeconds(3)))
            .run();
        LoadHarness.Result open = new LoadHarness(new LoadHarness.Options(base, technicians.subList(0, 4),
                LoadFixture.PASSWORD, formulas, 20, Duration.ofMillis(500), Duration.ofSeconds(3)))
            .run();

        for (LoadHarness.Result result : List.of(closed, open)) {
            System.out
                .print(LoadReport.line(result.options().rate() == 0 ? "smoke closed loop" : "smoke open loop", result));
            assertThat(result.errors()).isEmpty();
            assertThat(result.notFound()).isZero();
            assertThat(result.flows()).isPositive();
            assertThat(result.latency().get("start").getTotalCount()).isPositive();
        }
        assertThat(Invariants.violations(jdbc, audit)).isEmpty();
    }

}
