package prepbench.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import prepbench.support.TestBenches;

/**
 * PrepBench keeps saving after the pool has replaced every connection, the one that ran
 * the migrations included (issue 10: on H2 2.4.240 every table with a CHECK constraint
 * refused all writes once the connection that created the constraint had closed, about 30
 * minutes after start). The pool's lifetime is set to its shortest (30 s), the test waits
 * past it until no database session from before remains, then starts and captures a
 * weighing, saves a draft and releases a formula, and the constraints still refuse what
 * they must. Run on each database by a subclass.
 */
@SpringBootTest(
        properties = { "spring.datasource.hikari.max-lifetime=30000", "spring.datasource.hikari.maximum-pool-size=4" })
@AutoConfigureMockMvc
abstract class ConnectionTurnoverScenarios {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    /** How many of this application's database sessions started before the given time. */
    abstract int sessionsStartedBefore(Timestamp time);

    private ResultActions json(MockHttpServletRequestBuilder request, RequestPostProcessor who, String body)
            throws Exception {
        return mvc.perform(request.with(who).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void keepsSavingAfterEveryPooledConnectionHasBeenReplaced() throws Exception {
        Timestamp started = jdbc.sql("SELECT CURRENT_TIMESTAMP").query(Timestamp.class).single();
        assertThat(sessionsStartedBefore(started)).as("the pool's first connections, the migrations' among them")
            .isPositive();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (sessionsStartedBefore(started) > 0) {
            assertThat(System.nanoTime()).as("every connection replaced within " + PATIENCE).isLessThan(deadline);
            Thread.sleep(1000);
        }
        mvc.perform(get("/actuator/health/db").with(user("admin").roles("ADMIN")))
            .andExpect(jsonPath("$.details.write").value("accepted (rolled back)"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("UP"));

        RequestPostProcessor technician = user("turnover-" + UUID.randomUUID()).roles("TECHNICIAN");
        String bench = TestBenches.next();
        String session = json(post("/api/v1/preparations"), technician,
                "{\"formulaCode\":\"PRM00936\",\"bench\":\"" + bench + "\"}")
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
        String id = JsonPath.read(session, "$.id");
        String target = JsonPath.read(session, "$.steps[0].targetQtyG").toString();
        json(post("/api/v1/preparations/" + id + "/steps/1/scan"), technician, "{\"code\":\"ING-ETH-001\"}")
            .andExpect(status().isOk());
        json(put("/api/v1/benches/" + bench + "/simulator"), technician, "{\"grams\":52.317,\"settleMs\":0}")
            .andExpect(status().isOk());
        mvc.perform(post("/api/v1/benches/" + bench + "/tare").with(technician)).andExpect(status().isOk());
        json(put("/api/v1/benches/" + bench + "/simulator"), technician, "{\"grams\":"
                + new java.math.BigDecimal(target).add(new java.math.BigDecimal("52.317")) + ",\"settleMs\":0}")
            .andExpect(status().isOk());
        mvc.perform(post("/api/v1/preparations/" + id + "/steps/1/capture").with(technician))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.steps[0].status").value("ok"));

        RequestPostProcessor lead = user("lablead").roles("LAB_LEAD");
        String code = "TURN" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        json(post("/api/v1/formulas"), lead,
                "{\"code\":\"" + code + "\",\"name\":\"Turnover\",\"batchAmount\":\"50\"," + "\"batchUnit\":\"g\"}")
            .andExpect(status().isCreated());
        json(put("/api/v1/formulas/" + code + "/draft"), lead, """
                {"name":"Turnover","batchAmount":"50","batchUnit":"g","amountsAs":"%","revision":1,
                 "lines":[{"ingredientCode":"ETH-001","amount":"90"},{"ingredientCode":"WAT-001","amount":"10"}]}
                """).andExpect(status().isOk()).andExpect(jsonPath("$.revision").value(2));
        json(post("/api/v1/formulas/" + code + "/versions/1/release"), lead,
                "{\"revision\":2,\"password\":\"lablead123\",\"meaning\":\"approved for preparation\"}")
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("released"));
        json(post("/api/v1/preparations"), technician, "{\"formulaCode\":\"" + code + "\"}")
            .andExpect(status().isCreated());

        assertThatThrownBy(
                () -> jdbc.sql("UPDATE formula_version SET status = 'approved' WHERE status = 'released'").update())
            .as("the CHECK constraints still refuse what they must")
            .isInstanceOf(DataIntegrityViolationException.class);
    }

}
