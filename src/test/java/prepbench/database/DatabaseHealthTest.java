package prepbench.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The database health tells the truth: a database that still answers queries but refuses
 * writes is DOWN on the actuator and on {@code /diagnostics}, and a request the database
 * failed shows there as the last database error, with when and where, after the database
 * has recovered too. The refusals are made with CHECK constraints that nothing can
 * satisfy, added for the test and dropped again (this context has a database of its own).
 */
@SpringBootTest(properties = "prepbench.test.database=database-health-test")
@AutoConfigureMockMvc
class DatabaseHealthTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private final RequestPostProcessor admin = user("admin").roles("ADMIN");

    private final RequestPostProcessor lead = user("lablead").roles("LAB_LEAD");

    @Test
    void aDatabaseThatAnswersButRefusesWritesIsDownAndARequestItFailedIsTheLastError() throws Exception {
        mvc.perform(get("/actuator/health/db").with(admin))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("UP"))
            .andExpect(jsonPath("$.details.write").value("accepted (rolled back)"));
        mvc.perform(get("/api/v1/diagnostics").with(lead))
            .andExpect(jsonPath("$.database").value("UP"))
            .andExpect(jsonPath("$.lastDatabaseError").doesNotExist());
        mvc.perform(get("/diagnostics").with(lead))
            .andExpect(content().string(containsString("none since PrepBench started")));

        jdbc.sql("ALTER TABLE health_probe ADD CONSTRAINT ck_test_no_writes CHECK (probe_state = 'never')").update();
        try {
            assertThat(jdbc.sql("SELECT 1").query(Integer.class).single()).as("it still answers queries").isEqualTo(1);
            mvc.perform(get("/actuator/health").with(admin))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.status").value("DOWN"));
            mvc.perform(get("/actuator/health/db").with(admin))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.details.write", startsWith("refused: ")))
                .andExpect(jsonPath("$.details.write", containsString("CK_TEST_NO_WRITES")));
            mvc.perform(get("/api/v1/diagnostics").with(lead))
                .andExpect(jsonPath("$.database").value("DOWN"))
                .andExpect(jsonPath("$.lastDatabaseError.where").value("health check"));
            mvc.perform(get("/diagnostics").with(lead))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"database-status\">DOWN")));
        }
        finally {
            jdbc.sql("ALTER TABLE health_probe DROP CONSTRAINT ck_test_no_writes").update();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM health_probe").query(Integer.class).single())
            .as("every check rolled back")
            .isZero();
        mvc.perform(get("/actuator/health/db").with(admin))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("UP"))
            .andExpect(jsonPath("$.details.lastErrorIn").value("health check"))
            .andExpect(jsonPath("$.details.lastErrorAt").isNotEmpty());

        // a request the database failed is the newest database error
        jdbc.sql("ALTER TABLE preparation_session ADD CONSTRAINT ck_test_no_sessions CHECK (bench = 'nowhere')")
            .update();
        try {
            mvc.perform(post("/api/v1/preparations").with(user("health-tech").roles("TECHNICIAN"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"formulaCode\":\"PRM00936\",\"bench\":\"bench-1\"}"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.detail", containsString("nothing half-done was saved")));
        }
        finally {
            jdbc.sql("ALTER TABLE preparation_session DROP CONSTRAINT ck_test_no_sessions").update();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM preparation_session WHERE operator = 'health-tech'")
            .query(Integer.class)
            .single()).as("nothing half-written").isZero();
        mvc.perform(get("/api/v1/diagnostics").with(lead))
            .andExpect(jsonPath("$.database").value("UP"))
            .andExpect(jsonPath("$.lastDatabaseError.where").value("POST /api/v1/preparations"))
            .andExpect(jsonPath("$.lastDatabaseError.message", containsString("CK_TEST_NO_SESSIONS")))
            .andExpect(jsonPath("$.lastDatabaseError.at").isNotEmpty())
            .andExpect(jsonPath("$.databaseErrors").value(org.hamcrest.Matchers.greaterThanOrEqualTo(2)));
        mvc.perform(get("/diagnostics").with(lead))
            .andExpect(content().string(containsString("POST /api/v1/preparations")))
            .andExpect(content().string(containsString("CK_TEST_NO_SESSIONS")));
    }

}
