package prepbench.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import prepbench.support.BehindTheBack;
import prepbench.support.TestBenches;
import prepbench.support.Unlocked;

/**
 * Review of the whole trail on a database of its own (other test classes tamper with
 * theirs): verify everything, checkpoints and a checkpoint file edited by hand, the
 * search and its CSV export, and the alert a failed scheduled verification puts on lab
 * leads' and admins' dashboards until one acknowledges it.
 */
@SpringBootTest(properties = "prepbench.audit.checkpoint-minutes=60")
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditReviewTest {

    private static final Path CHECKPOINTS;

    static {
        try {
            CHECKPOINTS = Files.createTempDirectory("prepbench-checkpoints");
        }
        catch (IOException failed) {
            throw new IllegalStateException(failed);
        }
    }

    @DynamicPropertySource
    static void checkpointsOfItsOwn(DynamicPropertyRegistry registry) {
        registry.add("prepbench.audit.checkpoint-dir", CHECKPOINTS::toString);
    }

    private static final RequestPostProcessor LEAD = user("lablead").roles("LAB_LEAD");

    private static final RequestPostProcessor TECHNICIAN = user("tina").roles("TECHNICIAN");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    AuditReview review;

    @BeforeEach
    void demoFormulasUnlocked() {
        Unlocked.formulas(jdbc, "PRM00936", "COS00217", "PRM01204");
    }

    /**
     * A preparation started, a container scanned, and aborted: a session chain of four
     * events.
     */
    private String abortedPreparation(String who, String scanned) throws Exception {
        RequestPostProcessor operator = user(who).roles("TECHNICIAN");
        String body = mvc
            .perform(post("/api/v1/preparations").with(operator)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"formulaCode\":\"PRM01204\",\"bench\":\"" + TestBenches.next() + "\"}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
        String id = JsonPath.read(body, "$.id");
        mvc.perform(post("/api/v1/preparations/" + id + "/steps/1/scan").with(operator)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"code\":\"" + scanned + "\"}"));
        mvc.perform(post("/api/v1/preparations/" + id + "/abort").with(operator)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\":\"review test\"}")).andExpect(status().isOk());
        return id;
    }

    @Test
    @Order(1)
    void everythingVerifiesIntactAndOnlyReviewersMayAsk() throws Exception {
        abortedPreparation("tina", "ING-ETH-001");
        mvc.perform(get("/api/v1/audit/verification").with(TECHNICIAN)).andExpect(status().isForbidden());
        mvc.perform(get("/audit").with(TECHNICIAN)).andExpect(status().isForbidden());

        mvc.perform(get("/api/v1/audit/verification").with(LEAD))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.intact").value(true))
            .andExpect(jsonPath("$.problems").isEmpty())
            .andExpect(jsonPath("$.chains").value(org.hamcrest.Matchers.greaterThan(1)))
            .andExpect(jsonPath("$.events").value(org.hamcrest.Matchers.greaterThan(3)));
        assertThat(jdbc
            .sql("SELECT payload FROM audit_event WHERE chain = 'audit-review' AND action = 'AUDIT_VERIFIED' "
                    + "AND actor = 'lablead'")
            .query(String.class)
            .list()).isNotEmpty().allMatch(payload -> payload.contains("\"intact\":true"));
    }

    @Test
    @Order(2)
    void aCheckpointFileEditedByHandIsFound() throws Exception {
        abortedPreparation("tina", "ING-ETH-001");
        mvc.perform(post("/audit/checkpoints").with(LEAD).with(csrf()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("data-testid=\"checkpoint-written\"")));
        Path file;
        try (Stream<Path> files = Files.list(CHECKPOINTS)) {
            file = files.filter(path -> path.getFileName().toString().startsWith("checkpoints-"))
                .findFirst()
                .orElseThrow();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).anyMatch(line -> line.contains("\"chain\":\"session:"))
            .anyMatch(line -> line.contains("\"upTo\":"))
            .allMatch(line -> line.contains("\"mac\":\""));
        mvc.perform(get("/api/v1/audit/verification").with(LEAD)).andExpect(jsonPath("$.intact").value(true));

        int edited = lines
            .indexOf(lines.stream().filter(line -> line.contains("\"chain\":\"session:")).findFirst().orElseThrow());
        String line = lines.get(edited);
        lines.set(edited, line.replaceFirst("\"seq\":(\\d+)", "\"seq\":1$1"));
        Files.write(file, lines, StandardCharsets.UTF_8);

        mvc.perform(get("/api/v1/audit/verification").with(LEAD))
            .andExpect(jsonPath("$.intact").value(false))
            .andExpect(jsonPath("$.problems[0].kind").value("checkpoint"))
            .andExpect(jsonPath("$.problems[0].detail",
                    containsString(file.getFileName() + ", line " + (edited + 1) + " does not check out")));
        Files.write(file, List.of(), StandardCharsets.UTF_8);
        Files.writeString(file, String.join("\n", lines.subList(0, edited)) + (edited > 0 ? "\n" : "")
                + (lines.size() > edited + 1 ? String.join("\n", lines.subList(edited + 1, lines.size())) + "\n" : ""));
    }

    @Test
    @Order(3)
    void theSearchFiltersByPersonPagesAndExportsWhatItFinds() throws Exception {
        // a name a spreadsheet would run as a formula, to show the export protects it
        String who = "@searched-" + UUID.randomUUID().toString().substring(0, 8);
        String id = abortedPreparation(who, "=HYPERLINK(1)");

        String page = mvc.perform(get("/audit").param("actor", who).with(LEAD))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        List<String> actions = JsonPath.read(mvc.perform(get("/api/v1/audit/events").param("actor", who).with(LEAD))
            .andReturn()
            .getResponse()
            .getContentAsString(), "$.events[*].action");
        assertThat(actions).as("the unknown code is also proposed as an alias, in the ingredient's chain")
            .containsExactly("SESSION_ABORTED", "REFUSED_SCAN", "ALIAS_PROPOSED", "SESSION_STARTED");
        assertThat(page.split("data-testid=\"audit-event\"", -1)).hasSize(5);
        assertThat(page).contains("SESSION_ABORTED", "REFUSED_SCAN", "session:" + id).doesNotContain("tina");

        mvc.perform(get("/api/v1/audit/events").param("actor", who).param("limit", "2").with(LEAD))
            .andExpect(jsonPath("$.events.length()").value(2))
            .andExpect(jsonPath("$.events[0].action").value("SESSION_ABORTED"))
            .andExpect(jsonPath("$.next").isNumber());

        String csv = mvc.perform(get("/audit/export.csv").param("actor", who).with(LEAD))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("text/csv"))
            .andReturn()
            .getResponse()
            .getContentAsString();
        List<String> rows = csv.lines().toList();
        assertThat(rows.get(0)).startsWith("id,occurred_at_utc,actor,action,what,chain,sequence");
        assertThat(rows).hasSize(5);
        assertThat(csv).as("a cell a spreadsheet would run is protected")
            .contains(",'" + who + ",")
            .doesNotContain("," + who + ",")
            .doesNotContain(",tina,");

        mvc.perform(get("/audit").param("from", "yesterday").with(LEAD))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(containsString("From: write a day as 2026-12-01")));
        mvc.perform(get("/api/v1/audit/events").param("preparation", "not-an-id").with(LEAD))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail", containsString("give the preparation's id")));
        mvc.perform(get("/audit").param("from", "2000-01-01").param("to", "2000-01-02").with(LEAD))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("No events match")));
    }

    @Test
    @Order(4)
    void aFailedScheduledVerificationAlertsReviewersUntilOneAcknowledgesIt() throws Exception {
        String id = abortedPreparation("tina", "ING-ETH-001");
        BehindTheBack.changeAuditTrail(dataSource,
                () -> jdbc.sql("DELETE FROM audit_event WHERE chain = :chain AND seq = 2")
                    .param("chain", "session:" + id)
                    .update());

        review.scheduledVerification();
        long alert = jdbc.sql("SELECT MAX(id) FROM audit_alert").query(Long.class).single();

        mvc.perform(get("/").with(LEAD))
            .andExpect(content().string(containsString("data-testid=\"audit-alert\"")))
            .andExpect(content().string(containsString("id=\"audit-alert-" + alert + "\"")))
            .andExpect(content().string(containsString("The audit trail failed verification")))
            .andExpect(content().string(containsString("session:" + id)));
        mvc.perform(get("/").with(user("admin").roles("ADMIN")))
            .andExpect(content().string(containsString("data-testid=\"audit-alert\"")));
        mvc.perform(get("/").with(TECHNICIAN))
            .andExpect(content().string(not(containsString("data-testid=\"audit-alert\""))));

        mvc.perform(post("/audit/alerts/" + alert + "/acknowledge").param("note", " ").with(LEAD).with(csrf()))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(containsString("say in at most 500 characters what you found")));
        mvc.perform(post("/audit/alerts/" + alert + "/acknowledge").param("note", "x").with(TECHNICIAN).with(csrf()))
            .andExpect(status().isForbidden());
        mvc.perform(post("/audit/alerts/" + alert + "/acknowledge").param("note", "test deleted it on purpose")
            .with(LEAD)
            .with(csrf())).andExpect(status().isSeeOther());

        mvc.perform(get("/").with(LEAD))
            .andExpect(content().string(not(containsString("id=\"audit-alert-" + alert + "\""))));
        assertThat(jdbc
            .sql("SELECT actor || ' ' || payload FROM audit_event WHERE chain = 'audit-review' "
                    + "AND action = 'AUDIT_ALERT_ACKNOWLEDGED'")
            .query(String.class)
            .list()).containsExactly("lablead {\"alert\":" + alert + ",\"note\":\"test deleted it on purpose\"}");
        assertThat(jdbc
            .sql("SELECT payload FROM audit_event WHERE chain = 'audit-review' AND action = 'AUDIT_VERIFIED' "
                    + "AND actor = 'system'")
            .query(String.class)
            .list()).anyMatch(payload -> payload.contains("\"intact\":false"));
    }

}
