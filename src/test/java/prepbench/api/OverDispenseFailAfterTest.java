package prepbench.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import prepbench.support.TestBenches;

/**
 * The lab's other choice for an over-pour,
 * {@code prepbench.weighing.over-dispense=fail-after}: a stable reading above the limit
 * that stays there fails the step by itself, so taking the excess back out afterwards
 * hides nothing; one that comes back inside the limit in time fails nothing.
 */
@SpringBootTest(
        properties = { "prepbench.weighing.over-dispense=fail-after", "prepbench.weighing.over-dispense-after=2s" })
@AutoConfigureMockMvc
class OverDispenseFailAfterTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private final String bench = TestBenches.next();

    private final RequestPostProcessor technician = user("t-" + UUID.randomUUID()).roles("TECHNICIAN");

    private String json(MockHttpServletRequestBuilder request, String body, int expected) throws Exception {
        return mvc.perform(request.with(technician).contentType(MediaType.APPLICATION_JSON).content(body))
            .andExpect(status().is(expected))
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

    private void load(String grams) throws Exception {
        json(put("/api/v1/benches/" + bench + "/simulator"), "{\"grams\":" + grams + ",\"settleMs\":0}", 200);
    }

    private String statusOf(String id) throws Exception {
        return JsonPath.read(mvc.perform(get("/api/v1/preparations/" + id).with(technician))
            .andReturn()
            .getResponse()
            .getContentAsString(), "$.status");
    }

    /**
     * Starts PRM00936 at the test's bench and makes step 1 ready to pour: scanned, the
     * vessel tared.
     */
    private String readyToPour() throws Exception {
        String id = JsonPath.read(
                json(post("/api/v1/preparations"), "{\"formulaCode\":\"PRM00936\",\"bench\":\"" + bench + "\"}", 201),
                "$.id");
        json(post("/api/v1/preparations/" + id + "/steps/1/scan"), "{\"code\":\"ING-ETH-001\"}", 200);
        load("52.317");
        mvc.perform(post("/api/v1/benches/" + bench + "/tare").with(technician)).andExpect(status().isOk());
        return id;
    }

    @Test
    void aStableReadingThatStaysAboveTheLimitFailsTheStepByItself() throws Exception {
        String id = readyToPour();
        load(new BigDecimal("52.317").add(new BigDecimal("79.5")).toPlainString());

        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!statusOf(id).equals("locked_failed") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        assertThat(statusOf(id)).isEqualTo("locked_failed");
        String payload = jdbc
            .sql("SELECT payload FROM audit_event WHERE session_id = :id AND action = 'WEIGHT_CAPTURED'")
            .param("id", UUID.fromString(id))
            .query(String.class)
            .single();
        assertThat(payload).contains("\"failureReason\":\"OVER_DISPENSE\"", "\"grams\":\"79.500\"",
                "failed by PrepBench");
        jdbc.sql("UPDATE formula_attempts SET locked_at = NULL, locked_reason = NULL, consecutive_failures = 0 "
                + "WHERE formula_id = (SELECT id FROM formula WHERE code = 'PRM00936')")
            .update();
    }

    @Test
    void aReadingBackInsideTheLimitInTimeFailsNothing() throws Exception {
        String id = readyToPour();
        load(new BigDecimal("52.317").add(new BigDecimal("78.6")).toPlainString());
        Thread.sleep(300);
        load(new BigDecimal("52.317").add(new BigDecimal("78.2")).toPlainString());
        Thread.sleep(2_500);

        assertThat(statusOf(id)).isEqualTo("in_progress");
        mvc.perform(post("/api/v1/preparations/" + id + "/steps/1/capture").with(technician))
            .andExpect(status().isOk());
    }

}
