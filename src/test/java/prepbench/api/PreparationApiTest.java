package prepbench.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import prepbench.support.Rows;
import prepbench.support.TestBenches;

@SpringBootTest
@AutoConfigureMockMvc
class PreparationApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private static RequestPostProcessor aTechnician() {
        return user("tech-" + UUID.randomUUID()).roles("TECHNICIAN");
    }

    @Test
    void startsAPreparationThenResumesIt() throws Exception {
        RequestPostProcessor technician = aTechnician();

        String created = mvc
            .perform(post("/api/v1/preparations").with(technician)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"formulaCode\":\"prm00936\"}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.formulaCode").value("PRM00936"))
            .andExpect(jsonPath("$.status").value("in_progress"))
            .andExpect(jsonPath("$.amount").value(100))
            .andExpect(jsonPath("$.unit").value("g"))
            .andExpect(jsonPath("$.steps", hasSize(8)))
            .andExpect(jsonPath("$.steps[0].targetQtyG").value(78))
            .andExpect(jsonPath("$.steps[0].toleranceAbsG").value(0.5))
            .andExpect(jsonPath("$.steps[6].toleranceMinusG").value(0.02))
            .andExpect(jsonPath("$.steps[6].tolerancePlusG").value(0.01))
            .andExpect(jsonPath("$.steps[0].status").value("pending"))
            .andReturn()
            .getResponse()
            .getContentAsString();
        String id = JsonPath.read(created, "$.id");

        mvc.perform(post("/api/v1/preparations").with(technician)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"formulaCode\":\"PRM00936\"}"))
            .andExpect(status().isOk())
            .andExpect(header().string("Location", "/api/v1/preparations/" + id))
            .andExpect(jsonPath("$.id").value(id));

        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE session_id = :id ORDER BY id")
            .param("id", UUID.fromString(id))
            .query(String.class)
            .list()).containsExactly("SESSION_STARTED", "SESSION_RESUMED");
    }

    @Test
    void scalesTheBatchGivenInTheRequest() throws Exception {
        String bench = TestBenches.next();
        mvc.perform(post("/api/v1/preparations").with(aTechnician())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"formulaCode\":\"PRM00936\",\"amount\":2,\"unit\":\"kg\",\"bench\":\"" + bench + "\"}"))
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", containsString("/api/v1/preparations/")))
            .andExpect(jsonPath("$.batchMassG").value(2000))
            .andExpect(jsonPath("$.bench").value(bench))
            .andExpect(jsonPath("$.steps[0].targetQtyG").value(1560))
            .andExpect(jsonPath("$.steps[1].toleranceAbsG").value(0.5));
    }

    @Test
    void convertsAVolumeBatchThroughDensities() throws Exception {
        mvc.perform(post("/api/v1/preparations").with(aTechnician())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"formulaCode\":\"PRM01204\",\"amount\":\"1\",\"unit\":\"L\"}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.unit").value("L"))
            // 1 g of the mix takes 0.7/0.789 + 0.25/1.000 + 0.03/1.023 + 0.02/0.841 =
            // 1.190308 mL
            .andExpect(jsonPath("$.batchMassG").value(840.12))
            .andExpect(jsonPath("$.steps[0].targetQtyG").value(588.084));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "empty code          | {\"formulaCode\":\"\"}                                     | 400 | formulaCode is required",
            "missing code        | {}                                                         | 400 | formulaCode is required",
            "HTML code           | {\"formulaCode\":\"<script>alert(1)</script>\"}            | 400 | not a formula code",
            "SQL code            | {\"formulaCode\":\"PRM' OR '1'='1\"}                      | 400 | not a formula code",
            "unknown code        | {\"formulaCode\":\"NOPE404\"}                              | 404 | Formula not found: NOPE404",
            "draft formula       | {\"formulaCode\":\"PRM01300\"}                             | 409 | no released version",
            "negative amount     | {\"formulaCode\":\"PRM00936\",\"amount\":-5,\"unit\":\"g\"}  | 400 | more than zero",
            "zero amount         | {\"formulaCode\":\"PRM00936\",\"amount\":0,\"unit\":\"g\"}   | 400 | more than zero",
            "non-numeric amount  | {\"formulaCode\":\"PRM00936\",\"amount\":\"lots\",\"unit\":\"g\"} | 400 | must be a number",
            "absurd amount       | {\"formulaCode\":\"PRM00936\",\"amount\":5,\"unit\":\"L\"}   | 400 | no density for Vanillin",
            "absurd mass         | {\"formulaCode\":\"PRM00936\",\"amount\":1000000,\"unit\":\"kg\"} | 400 | more than this bench can weigh",
            "unknown unit        | {\"formulaCode\":\"PRM00936\",\"amount\":100,\"unit\":\"lb\"} | 400 | Unknown unit",
            "volume w/o density  | {\"formulaCode\":\"PRM00936\",\"amount\":100,\"unit\":\"mL\"} | 400 | cannot be prepared by volume",
            "bad bench           | {\"formulaCode\":\"PRM00936\",\"bench\":\"<b>x</b>\"}       | 400 | Unknown bench",
            "not JSON            | {formulaCode:                                              | 400 | not the JSON this endpoint expects" })
    void refusesBadStartsAndWritesNothing(String label, String body, int status, String message) throws Exception {
        Rows before = Rows.count(jdbc);

        mvc.perform(
                post("/api/v1/preparations").with(aTechnician()).contentType(MediaType.APPLICATION_JSON).content(body))
            .andExpect(status().is(status))
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.status").value(status))
            .andExpect(jsonPath("$.detail", containsString(message)))
            .andExpect(jsonPath("$.trace").doesNotExist());

        assertThat(Rows.count(jdbc)).isEqualTo(before);
    }

    @Test
    void refusesATenThousandCharacterCode() throws Exception {
        Rows before = Rows.count(jdbc);

        mvc.perform(post("/api/v1/preparations").with(aTechnician())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"formulaCode\":\"" + "A".repeat(10_000) + "\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail", containsString("far longer than any formula code")));

        assertThat(Rows.count(jdbc)).isEqualTo(before);
    }

    @Test
    void refusesAViewer() throws Exception {
        Rows before = Rows.count(jdbc);

        mvc.perform(post("/api/v1/preparations").with(user("vera").roles("VIEWER"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"formulaCode\":\"PRM00936\"}"))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.detail", containsString("Your role does not allow this")));

        assertThat(Rows.count(jdbc)).isEqualTo(before);
    }

    @Test
    void refusesALockedFormulaSayingHowToRelease() throws Exception {
        mvc.perform(post("/api/v1/preparations").with(aTechnician())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"formulaCode\":\"COS00217\"}")).andExpect(status().isCreated());
        jdbc.sql("""
                UPDATE formula_attempts SET locked_at = CURRENT_TIMESTAMP, locked_reason = 'over-dispense in attempt 1'
                 WHERE formula_id = (SELECT id FROM formula WHERE code = 'COS00217')
                """).update();
        try {
            Rows before = Rows.count(jdbc);
            mvc.perform(post("/api/v1/preparations").with(aTechnician())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"formulaCode\":\"COS00217\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Formula locked"))
                .andExpect(jsonPath("$.reason").value("over-dispense in attempt 1"))
                .andExpect(jsonPath("$.detail", containsString("A lab lead must release the lock")));
            assertThat(Rows.count(jdbc)).isEqualTo(before);
        }
        finally {
            jdbc.sql("UPDATE formula_attempts SET locked_at = NULL, locked_reason = NULL").update();
        }
    }

    @Test
    void showsASessionById() throws Exception {
        String created = mvc
            .perform(post("/api/v1/preparations").with(aTechnician())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"formulaCode\":\"PRM00936\"}"))
            .andReturn()
            .getResponse()
            .getContentAsString();
        String id = JsonPath.read(created, "$.id");

        mvc.perform(get("/api/v1/preparations/" + id).with(user("vera").roles("VIEWER")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.id").value(id))
            .andExpect(jsonPath("$.attemptNo").isNumber())
            .andExpect(jsonPath("$.startedAt", containsString("Z")))
            .andExpect(jsonPath("$.steps[7].ingredientName").value("Vanillin"));
    }

    @Test
    void answersUnknownAndMalformedIdsWithProblems() throws Exception {
        mvc.perform(get("/api/v1/preparations/" + UUID.randomUUID()).with(aTechnician()))
            .andExpect(status().isNotFound())
            .andExpect(jsonPath("$.detail").value("Preparation not found."));
        mvc.perform(get("/api/v1/preparations/not-a-uuid").with(aTechnician()))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail", containsString("not a preparation id")));
    }

    @Test
    void listsSessionsNewestFirstWithFilters() throws Exception {
        String operator = "lister-" + UUID.randomUUID();
        RequestPostProcessor technician = user(operator).roles("TECHNICIAN");
        for (String code : new String[] { "PRM00936", "PRM01204" }) {
            mvc.perform(post("/api/v1/preparations").with(technician)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"formulaCode\":\"" + code + "\"}")).andExpect(status().isCreated());
        }

        mvc.perform(get("/api/v1/preparations").param("operator", operator).with(technician))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items", hasSize(2)))
            .andExpect(jsonPath("$.items[0].formulaCode").value("PRM01204"))
            .andExpect(jsonPath("$.items[1].formulaCode").value("PRM00936"))
            .andExpect(jsonPath("$.next").value(org.hamcrest.Matchers.nullValue()));
        mvc.perform(get("/api/v1/preparations").param("operator", operator)
            .param("formula", "prm00936")
            .param("status", "in_progress")
            .with(technician))
            .andExpect(jsonPath("$.items", hasSize(1)))
            .andExpect(jsonPath("$.items[0].stepCount").value(8));
        mvc.perform(
                get("/api/v1/preparations").param("operator", operator).param("status", "completed").with(technician))
            .andExpect(jsonPath("$.items", hasSize(0)));
        mvc.perform(get("/api/v1/preparations").param("operator", operator)
            .param("from", "2000-01-01T00:00:00Z")
            .param("to", "2000-01-02T00:00:00Z")
            .with(technician)).andExpect(jsonPath("$.items", hasSize(0)));

        String first = mvc
            .perform(get("/api/v1/preparations").param("operator", operator).param("limit", "1").with(technician))
            .andExpect(jsonPath("$.items", hasSize(1)))
            .andExpect(jsonPath("$.items[0].formulaCode").value("PRM01204"))
            .andExpect(jsonPath("$.next").isString())
            .andReturn()
            .getResponse()
            .getContentAsString();
        mvc.perform(get("/api/v1/preparations").param("operator", operator)
            .param("limit", "1")
            .param("after", (String) JsonPath.read(first, "$.next"))
            .with(technician))
            .andExpect(jsonPath("$.items", hasSize(1)))
            .andExpect(jsonPath("$.items[0].formulaCode").value("PRM00936"))
            .andExpect(jsonPath("$.next").value(org.hamcrest.Matchers.nullValue()));
        mvc.perform(get("/api/v1/preparations").param("after", "garbage").with(technician))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail", containsString("\"next\" value")));
    }

    @Test
    void exportsTheFilteredHistoryAsCsvThatNoSpreadsheetRuns() throws Exception {
        String operator = "=cmd-" + UUID.randomUUID().toString().substring(0, 8);
        RequestPostProcessor technician = user(operator).roles("TECHNICIAN");
        mvc.perform(post("/api/v1/preparations").with(technician)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"formulaCode\":\"PRM01204\"}")).andExpect(status().isCreated());

        String sessions = mvc
            .perform(get("/api/v1/preparations").param("operator", operator).accept("text/csv").with(technician))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("text/csv"))
            .andReturn()
            .getResponse()
            .getContentAsString();
        List<String> lines = sessions.lines().toList();
        assertThat(lines.get(0)).startsWith("preparation_id,formula_code,formula_name,version_no,attempt_no,status");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains(",'" + operator + ",").contains(",PRM01204,");

        String steps = mvc
            .perform(get("/api/v1/preparations").param("operator", operator)
                .param("rows", "steps")
                .accept("text/csv")
                .with(technician))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(steps.lines().toList()).hasSize(1 + 4);
        assertThat(steps.lines().skip(1)).allSatisfy(line -> assertThat(line).contains(",'" + operator + ","));
        mvc.perform(get("/api/v1/preparations").param("rows", "lines").accept("text/csv").with(technician))
            .andExpect(status().isBadRequest());
    }

    @Test
    void refusesBadListFilters() throws Exception {
        mvc.perform(get("/api/v1/preparations").param("status", "done").with(aTechnician()))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail", containsString("Unknown status 'done'")));
        mvc.perform(get("/api/v1/preparations").param("from", "yesterday").with(aTechnician()))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail", containsString("ISO-8601")));
        mvc.perform(get("/api/v1/preparations").param("formula", "<x>").with(aTechnician()))
            .andExpect(status().isBadRequest());
    }

    @Test
    void requiresHttpBasicAndNeverASession() throws Exception {
        mvc.perform(get("/api/v1/preparations"))
            .andExpect(status().isUnauthorized())
            .andExpect(header().string("WWW-Authenticate", containsString("Basic")))
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/preparations").with(httpBasic("technician", "wrong")))
            .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/formulas").with(httpBasic("technician", "tech123")))
            .andExpect(status().isOk())
            .andExpect(header().doesNotExist("Set-Cookie"));
    }

    @Test
    void listsAndShowsFormulas() throws Exception {
        mvc.perform(get("/api/v1/formulas").with(aTechnician()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[*].code", hasItem("PRM00936")))
            .andExpect(jsonPath("$[*].code", hasItem("PRM01300")));
        mvc.perform(get("/api/v1/formulas").param("q", "cream").with(aTechnician()))
            .andExpect(jsonPath("$", hasSize(1)))
            .andExpect(jsonPath("$[0].code").value("COS00217"));
        mvc.perform(get("/api/v1/formulas").param("q", "100%_").with(aTechnician()))
            .andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(get("/api/v1/formulas/prm00936").with(aTechnician()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.releasedVersionNo").value(1))
            .andExpect(jsonPath("$.volumeBatches").value(false))
            .andExpect(jsonPath("$.lines", hasSize(8)))
            .andExpect(jsonPath("$.lines[0].fraction").value(0.78));
        mvc.perform(get("/api/v1/formulas/PRM01300").with(aTechnician()))
            .andExpect(jsonPath("$.releasedVersionNo").doesNotExist())
            .andExpect(jsonPath("$.lines").doesNotExist());
        mvc.perform(get("/api/v1/formulas/NOPE").with(aTechnician()))
            .andExpect(status().isNotFound())
            .andExpect(jsonPath("$.detail").value("Formula not found: NOPE"));
        mvc.perform(get("/api/v1/formulas/{code}", "<b>").with(aTechnician()))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(not(containsString("<b>"))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "F=PRM00936                                         | formula      | PRM00936",
            "https://lab.example/f/prm00936                     | formula      | PRM00936",
            "3f2a6c1e-8b4d-4e0f-9a7b-2c5d8e1f0a3b               | preparation  | 3f2a6c1e-8b4d-4e0f-9a7b-2c5d8e1f0a3b",
            "S:SMP-2026-0001                                    | sample       | SMP-2026-0001" })
    void resolvesScans(String raw, String type, String value) throws Exception {
        mvc.perform(get("/api/v1/scan/resolve").param("raw", raw).with(aTechnician()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.type").value(type))
            .andExpect(jsonPath("$.value").value(value));
    }

    @Test
    void resolvesAnUnrecognisedScanToAClearMessage() throws Exception {
        mvc.perform(get("/api/v1/scan/resolve").param("raw", "\u0000\u0001garbage<script>").with(aTechnician()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.type").value("unrecognised"))
            .andExpect(jsonPath("$.target").doesNotExist())
            .andExpect(jsonPath("$.message").isNotEmpty());
        mvc.perform(get("/api/v1/scan/resolve").param("raw", "F=PRM00936").with(aTechnician()))
            .andExpect(jsonPath("$.target").value("/formula-first?code=PRM00936&auto=start"));
    }

}
