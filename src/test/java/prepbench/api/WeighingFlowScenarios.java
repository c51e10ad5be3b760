package prepbench.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import prepbench.support.DemoLabels;
import prepbench.support.TestBenches;

/**
 * The whole weighing flow through the API with the simulated balance, run on each
 * supported database by a subclass: scan, zero, weigh, capture until completed; refusals;
 * an over-dispense that locks; the release with a signature; concurrent captures; and an
 * audit trail whose tampering is detected.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class WeighingFlowScenarios {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    javax.sql.DataSource dataSource;

    private final String bench = TestBenches.next();

    private RequestPostProcessor technician() {
        return user("weigher-" + UUID.randomUUID()).roles("TECHNICIAN");
    }

    private ResultActions json(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            RequestPostProcessor who, String body) throws Exception {
        return mvc.perform(request.with(who).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private String start(RequestPostProcessor who, String formula) throws Exception {
        String body = json(post("/api/v1/preparations"), who,
                "{\"formulaCode\":\"" + formula + "\",\"bench\":\"" + bench + "\"}")
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private void load(RequestPostProcessor who, String grams) throws Exception {
        json(put("/api/v1/benches/" + bench + "/simulator"), who, "{\"grams\":" + grams + ",\"settleMs\":0}")
            .andExpect(status().isOk());
    }

    private String stepField(String id, int sequence, String field, RequestPostProcessor who) throws Exception {
        String body = mvc.perform(get("/api/v1/preparations/" + id).with(who))
            .andReturn()
            .getResponse()
            .getContentAsString();
        return JsonPath.read(body, "$.steps[" + (sequence - 1) + "]." + field).toString();
    }

    /** The empty vessel a technician puts on the pan and tares, in grams. */
    private static final BigDecimal VESSEL = new BigDecimal("52.317");

    /**
     * What is on the pan of the test's bench (gross): the vessel and what was poured into
     * it.
     */
    private BigDecimal onPan = BigDecimal.ZERO;

    /**
     * Scans the step's container, tares (the empty vessel put on first, at the first
     * step) and pours the given weight into the vessel.
     */
    private void prepareStep(String id, int sequence, String grams, RequestPostProcessor who) throws Exception {
        String label = DemoLabels.PRM00936.get(stepField(id, sequence, "requiredCodeValue", who));
        json(post("/api/v1/preparations/" + id + "/steps/" + sequence + "/scan"), who,
                "{\"code\":\"" + label.replace("\"", "\\\"") + "\"}")
            .andExpect(status().isOk());
        if (onPan.signum() == 0) {
            tareVessel(who, bench);
        }
        else {
            mvc.perform(post("/api/v1/benches/" + bench + "/tare").with(who)).andExpect(status().isOk());
        }
        onPan = onPan.add(new BigDecimal(grams));
        load(who, onPan.toPlainString());
    }

    /** Puts the empty vessel on the bench's pan and tares it. */
    private void tareVessel(RequestPostProcessor who, String at) throws Exception {
        onPan = VESSEL;
        json(put("/api/v1/benches/" + at + "/simulator"), who, "{\"grams\":" + VESSEL + ",\"settleMs\":0}")
            .andExpect(status().isOk());
        mvc.perform(post("/api/v1/benches/" + at + "/tare").with(who)).andExpect(status().isOk());
    }

    private ResultActions capture(String id, int sequence, RequestPostProcessor who) throws Exception {
        return mvc.perform(post("/api/v1/preparations/" + id + "/steps/" + sequence + "/capture").with(who));
    }

    /**
     * Other classes sharing this database may have failed the demo formulas three times
     * in a row.
     */
    @org.junit.jupiter.api.BeforeEach
    void demoFormulasUnlocked() {
        prepbench.support.Unlocked.formulas(jdbc, "PRM00936", "COS00217", "PRM01204");
    }

    @Test
    void preparesPrm00936FromStartToCompletion() throws Exception {
        RequestPostProcessor who = technician();
        String id = start(who, "PRM00936");

        for (int sequence = 1; sequence <= 8; sequence++) {
            prepareStep(id, sequence, stepField(id, sequence, "targetQtyG", who), who);
            capture(id, sequence, who).andExpect(status().isOk())
                .andExpect(jsonPath("$.steps[" + (sequence - 1) + "].status").value("ok"))
                .andExpect(jsonPath("$.steps[" + (sequence - 1) + "].isStable").value(true));
        }

        mvc.perform(get("/api/v1/preparations/" + id).with(who))
            .andExpect(jsonPath("$.status").value("completed"))
            .andExpect(jsonPath("$.endedAt").isNotEmpty())
            .andExpect(jsonPath("$.steps[2].lot").value("LIN-LOT-7"))
            .andExpect(jsonPath("$.steps[2].expiry").value("2030-12-31"))
            .andExpect(jsonPath("$.steps[3].lot").value("B-2291"))
            .andExpect(jsonPath("$.steps[0].balance").value(bench + " (SIMULATED)"))
            .andExpect(jsonPath("$.steps[0].tareG").value(52.317))
            .andExpect(jsonPath("$.steps[1].tareG").value(78));
        assertThat(jdbc
            .sql("SELECT COUNT(*) FROM sample_line l JOIN sample s ON s.id = l.sample_id WHERE s.session_id = :id")
            .param("id", UUID.fromString(id))
            .query(Integer.class)
            .single()).isEqualTo(8);
        String sample = jdbc.sql("SELECT code FROM sample WHERE session_id = :id")
            .param("id", UUID.fromString(id))
            .query(String.class)
            .single();
        mvc.perform(get("/samples").param("code", sample.toLowerCase()).with(who))
            .andExpect(status().isSeeOther())
            .andExpect(redirectedUrl("/samples/" + sample));
        mvc.perform(get("/api/v1/preparations/" + id + "/audit").with(who))
            .andExpect(jsonPath("$.verification.intact").value(true))
            .andExpect(jsonPath("$.events[0].action").value("SESSION_STARTED"))
            .andExpect(jsonPath("$.events[-1].action").value("SESSION_COMPLETED"));
    }

    @Test
    void refusesWrongScansAndUnreadyCapturesAndAuditsEachRefusal() throws Exception {
        RequestPostProcessor who = technician();
        String id = start(who, "PRM00936");

        json(post("/api/v1/preparations/" + id + "/steps/1/scan"), who, "{\"code\":\"ING-LIM-001\"}")
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.reason").value("WRONG_INGREDIENT"))
            .andExpect(jsonPath("$.detail", containsString("Wrong container")));
        json(post("/api/v1/preparations/" + id + "/steps/1/scan"), who, "{\"code\":\"" + "X".repeat(5000) + "\"}")
            .andExpect(status().isUnprocessableContent());
        json(post("/api/v1/preparations/" + id + "/steps/2/scan"), who, "{\"code\":\"ING-LIM-001\"}")
            .andExpect(jsonPath("$.reason").value("NOT_ACTIVE_STEP"));
        capture(id, 1, who).andExpect(jsonPath("$.reason").value("NOT_SCANNED"));
        json(post("/api/v1/preparations/" + id + "/steps/1/scan"), who, "{\"code\":\"ING-ETH-001\"}")
            .andExpect(status().isOk());
        load(who, "0");
        mvc.perform(post("/api/v1/benches/" + bench + "/zero").with(who)).andExpect(status().isOk());
        load(who, "78");
        // an empty beaker on a zeroed pan is not ethanol: a weighing starts from the
        // tared vessel
        capture(id, 1, who).andExpect(jsonPath("$.reason").value("NOT_TARED"));
        tareVessel(who, bench);
        json(put("/api/v1/benches/" + bench + "/simulator"), who,
                "{\"grams\":" + VESSEL.add(new BigDecimal("78")) + ",\"settleMs\":5000}");
        capture(id, 1, who).andExpect(jsonPath("$.reason").value("UNSTABLE"));
        load(who, VESSEL.add(new BigDecimal("50")).toPlainString());
        capture(id, 1, who).andExpect(jsonPath("$.reason").value("UNDER_TARGET"));
        json(put("/api/v1/benches/" + bench + "/simulator"), who, "{\"offline\":true}");
        capture(id, 1, who).andExpect(jsonPath("$.reason").value("BALANCE_OFFLINE"));
        json(put("/api/v1/benches/" + bench + "/simulator"), who, "{\"offline\":false}");

        List<String> refusals = jdbc.sql("""
                SELECT action FROM audit_event WHERE session_id = :id AND action LIKE 'REFUSED_%' ORDER BY id
                """).param("id", UUID.fromString(id)).query(String.class).list();
        assertThat(refusals).containsExactly("REFUSED_SCAN", "REFUSED_SCAN", "REFUSED_SCAN", "REFUSED_CAPTURE",
                "REFUSED_CAPTURE", "REFUSED_CAPTURE", "REFUSED_CAPTURE", "REFUSED_CAPTURE");
        mvc.perform(get("/api/v1/preparations/" + id).with(who))
            .andExpect(jsonPath("$.status").value("in_progress"))
            .andExpect(jsonPath("$.steps[0].status").value("pending"))
            .andExpect(jsonPath("$.steps[0].capturedQtyG").doesNotExist());
    }

    @Test
    void twoTabsCapturingTheSameStepAtOnceGiveExactlyOneCapture() throws Exception {
        RequestPostProcessor who = technician();
        String id = start(who, "PRM00936");
        prepareStep(id, 1, stepField(id, 1, "targetQtyG", who), who);
        int tabs = 8;
        ExecutorService pool = Executors.newFixedThreadPool(tabs);
        CyclicBarrier barrier = new CyclicBarrier(tabs);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < tabs; i++) {
            answers.add(pool.submit(() -> {
                barrier.await(10, TimeUnit.SECONDS);
                return capture(id, 1, who).andReturn().getResponse().getStatus();
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 422);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE session_id = :id AND action = 'WEIGHT_CAPTURED'")
            .param("id", UUID.fromString(id))
            .query(Integer.class)
            .single()).isEqualTo(1);
    }

    @Test
    void overDispenseLocksTheFormulaUntilALabLeadSignsTheRelease() throws Exception {
        RequestPostProcessor who = technician();
        String id = start(who, "PRM00936");
        BigDecimal upper = new BigDecimal(stepField(id, 1, "targetQtyG", who)).add(new BigDecimal("0.6"));
        prepareStep(id, 1, upper.toPlainString(), who);

        capture(id, 1, who).andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.reason").value("OVER_TARGET"))
            .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("fails this attempt")));
        mvc.perform(get("/api/v1/preparations/" + id).with(who)).andExpect(jsonPath("$.status").value("in_progress"));
        json(post("/api/v1/preparations/" + id + "/steps/1/capture"), who, "{\"confirmOverTarget\":true}")
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("locked_failed"))
            .andExpect(jsonPath("$.steps[0].status").value("failed"))
            .andExpect(jsonPath("$.steps[0].failureReason").value("OVER_DISPENSE"));
        json(post("/api/v1/preparations"), technician(), "{\"formulaCode\":\"PRM00936\"}")
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.title").value("Formula locked"));
        RequestPostProcessor lead = user("lablead").roles("LAB_LEAD");
        json(post("/api/v1/formulas/PRM00936/release-lock"), who, "{\"password\":\"tech123\",\"reason\":\"checked\"}")
            .andExpect(status().isForbidden());
        json(post("/api/v1/formulas/PRM00936/release-lock"), lead, "{\"password\":\"wrong\",\"reason\":\"checked\"}")
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.reason").value("WRONG_PASSWORD"));
        json(post("/api/v1/formulas/PRM00936/release-lock"), lead, "{\"password\":\"lablead123\",\"reason\":\"\"}")
            .andExpect(jsonPath("$.reason").value("REASON_REQUIRED"));

        json(post("/api/v1/formulas/PRM00936/release-lock"), lead,
                "{\"password\":\"lablead123\",\"reason\":\"Scale checked, operator retrained\"}")
            .andExpect(status().isNoContent());

        start(technician(), "PRM00936");
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE chain = 'formula:PRM00936' ORDER BY id")
            .query(String.class)
            .list()).containsSubsequence("FORMULA_LOCKED", "REFUSED_LOCK_RELEASE", "REFUSED_LOCK_RELEASE",
                    "FORMULA_LOCK_RELEASED");
        assertThat(jdbc
            .sql("SELECT payload FROM audit_event WHERE chain = 'formula:PRM00936' "
                    + "AND action = 'FORMULA_LOCK_RELEASED' ORDER BY id DESC")
            .query(String.class)
            .list()
            .get(0)).contains("\"meaning\":\"released for a new attempt\"");
        // the signature as Part 11 wants it: printed name, username, time with zone,
        // meaning, and the hash of what
        // was signed (the lock it releases), inside the sealed event
        String lockHash = jdbc
            .sql("SELECT hash FROM audit_event WHERE chain = 'formula:PRM00936' "
                    + "AND action = 'FORMULA_LOCKED' ORDER BY seq DESC")
            .query(String.class)
            .list()
            .get(0);
        String released = jdbc
            .sql("SELECT payload FROM audit_event WHERE chain = 'formula:PRM00936' "
                    + "AND action = 'FORMULA_LOCK_RELEASED' ORDER BY seq DESC")
            .query(String.class)
            .list()
            .get(0);
        assertThat(released)
            .contains("\"signer\":\"lablead\"", "\"signerName\":\"Demo lab lead\"", "\"zone\":\"UTC\"",
                    "\"meaning\":\"released for a new attempt\"", "\"signedHash\":\"" + sha256(lockHash) + "\"")
            .containsPattern("\"signedAt\":\"2\\d{3}-");
        // the formula's chain of locks and signed releases is verified and shown on its
        // page
        String page = mvc.perform(get("/formulas/PRM00936").with(lead))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(page).contains("Locks and their release", "data-testid=\"locks-intact\"", "FORMULA_LOCK_RELEASED",
                "released for a new attempt", "signed by <bdi>Demo lab lead</bdi> (<bdi>lablead</bdi>) at ");
    }

    @Test
    void abortNeedsAReasonAndThreeFailuresInARowLockTheFormula() throws Exception {
        for (int attempt = 1; attempt <= 3; attempt++) {
            RequestPostProcessor who = technician();
            String id = start(who, "COS00217");
            if (attempt == 1) {
                json(post("/api/v1/preparations/" + id + "/abort"), who, "{\"reason\":\"  \"}")
                    .andExpect(jsonPath("$.reason").value("REASON_REQUIRED"));
            }
            json(post("/api/v1/preparations/" + id + "/abort"), who, "{\"reason\":\"spilled attempt " + attempt + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("failed"))
                .andExpect(jsonPath("$.endReason").value("spilled attempt " + attempt));
        }

        json(post("/api/v1/preparations"), technician(), "{\"formulaCode\":\"COS00217\"}")
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.reason").value("3 failed attempts in a row"));
        json(post("/api/v1/formulas/COS00217/release-lock"), user("lablead").roles("LAB_LEAD"),
                "{\"password\":\"lablead123\",\"reason\":\"new batch of raw material\"}")
            .andExpect(status().isNoContent());
        start(technician(), "COS00217");
    }

    @Test
    void detectsAnAuditEventEditedBehindTheApplicationsBack() throws Exception {
        RequestPostProcessor who = technician();
        String id = start(who, "PRM00936");
        json(post("/api/v1/preparations/" + id + "/steps/1/scan"), who, "{\"code\":\"ING-ETH-001\"}")
            .andExpect(status().isOk());
        mvc.perform(get("/api/v1/preparations/" + id + "/audit").with(who))
            .andExpect(jsonPath("$.verification.intact").value(true))
            .andExpect(jsonPath("$.verification.events").value(2));

        // the database refuses to change the trail, whoever asks
        for (String change : List.of("UPDATE audit_event SET actor = 'somebody-else' WHERE session_id = :id",
                "DELETE FROM audit_event WHERE session_id = :id")) {
            assertThatThrownBy(() -> jdbc.sql(change).param("id", UUID.fromString(id)).update())
                .isInstanceOf(org.springframework.dao.DataAccessException.class)
                .rootCause()
                .hasMessageContaining("The audit trail is append-only");
        }
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE TABLE audit_event").update())
            .isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE session_id = :id")
            .param("id", UUID.fromString(id))
            .query(Integer.class)
            .single()).isEqualTo(2);
        // changed behind PrepBench's back, with the trigger set aside, the change is
        // still found
        prepbench.support.BehindTheBack.changeAuditTrail(dataSource, () -> jdbc.sql(
                "UPDATE audit_event SET actor = 'somebody-else' WHERE session_id = :id AND action = 'CONTAINER_SCANNED'")
            .param("id", UUID.fromString(id))
            .update());

        mvc.perform(get("/api/v1/preparations/" + id + "/audit").with(who))
            .andExpect(jsonPath("$.verification.intact").value(false))
            .andExpect(jsonPath("$.verification.problems[0].kind").value("altered"))
            .andExpect(jsonPath("$.verification.problems[0].sequence").value(2))
            .andExpect(
                    jsonPath("$.verification.problems[0].detail", containsString("was changed after it was recorded")));
    }

    /**
     * A recall: from a lot (in any case, with stray spaces) to every preparation that
     * weighed it, with its sample, through the API, the history page and the ingredient's
     * page.
     */
    @Test
    void aRecallFindsThePreparationsThatWeighedALot() throws Exception {
        String since = java.time.Instant.now().minusSeconds(1).toString();
        RequestPostProcessor who = technician();
        String id = completed(who);
        RequestPostProcessor lead = user("lablead").roles("LAB_LEAD");

        mvc.perform(get("/api/v1/preparations").param("lot", " lin-lot-7 ")
            .param("ingredient", "lin-001")
            .param("from", since)
            .with(lead))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items[*].id", org.hamcrest.Matchers.hasItem(id)));
        mvc.perform(get("/api/v1/preparations").param("lot", "LIN-LOT-7")
            .param("ingredient", "ETH-001")
            .param("from", since)
            .with(lead))
            .andExpect(jsonPath("$.items[*].id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id))));
        mvc.perform(get("/api/v1/preparations").param("lot", "B-2291").param("from", since).with(lead))
            .andExpect(jsonPath("$.items[*].id", org.hamcrest.Matchers.hasItem(id)));
        mvc.perform(get("/api/v1/preparations").param("lot", "NO-SUCH-LOT").with(lead))
            .andExpect(jsonPath("$.items", org.hamcrest.Matchers.empty()));

        String sample = jdbc.sql("SELECT code FROM sample WHERE session_id = :id")
            .param("id", UUID.fromString(id))
            .query(String.class)
            .single();
        mvc.perform(get("/preparations").param("ingredient", "LIN-001").param("lot", "lin-lot-7").with(lead))
            .andExpect(status().isOk())
            .andExpect(content().string(org.hamcrest.Matchers.containsString("Where lot")))
            .andExpect(content().string(org.hamcrest.Matchers.containsString("data-id=\"" + id + "\"")))
            .andExpect(content().string(org.hamcrest.Matchers.containsString(">" + sample + "</a>")));
        mvc.perform(get("/ingredients/LIN-001").with(lead))
            .andExpect(status().isOk())
            .andExpect(content()
                .string(org.hamcrest.Matchers.containsString("/preparations?ingredient=LIN-001&amp;lot=LIN-LOT-7")));
        String steps = mvc
            .perform(get("/preparations/export.csv").param("rows", "steps")
                .param("lot", "LIN-LOT-7")
                .param("from", since)
                .with(lead))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(steps.lines().filter(line -> line.startsWith(id))).hasSize(8)
            .anySatisfy(line -> assertThat(line).contains(",LIN-001,").contains(",LIN-LOT-7,2030-12-31,"));
    }

    /**
     * The batch record as a PDF, read back as text: the header, every step's container,
     * lot and weight, the sample, the signature of a weight entered by hand (who, when,
     * meaning), the verification, who printed it and the page numbers.
     */
    @Test
    void theBatchRecordPrintsAsAPdfWithEveryLotWeightAndSignature() throws Exception {
        RequestPostProcessor who = technician();
        RequestPostProcessor lead = user("lablead").roles("LAB_LEAD");
        String id = start(who, "PRM00936");
        json(post("/api/v1/preparations/" + id + "/steps/1/scan"), who, "{\"code\":\"ING-ETH-001\"}")
            .andExpect(status().isOk());
        json(post("/api/v1/preparations/" + id + "/steps/1/manual"), lead,
                "{\"grams\":78.004,\"reason\":\"balance under service\",\"password\":\"lablead123\","
                        + "\"meaning\":\"weight entered by hand and verified\"}")
            .andExpect(status().isOk());
        for (int sequence = 2; sequence <= 8; sequence++) {
            prepareStep(id, sequence, stepField(id, sequence, "targetQtyG", who), who);
            capture(id, sequence, who).andExpect(status().isOk());
        }

        var response = mvc.perform(get("/api/v1/preparations/" + id + "/record.pdf").with(lead))
            .andExpect(status().isOk())
            .andExpect(content().contentType("application/pdf"))
            .andExpect(header().string("Content-Disposition", containsString("record-PRM00936-")))
            .andReturn()
            .getResponse();
        byte[] pdf = response.getContentAsByteArray();
        String text;
        int pages;
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            pages = document.getNumberOfPages();
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        String sample = jdbc.sql("SELECT code FROM sample WHERE session_id = :id")
            .param("id", UUID.fromString(id))
            .query(String.class)
            .single();
        assertThat(text).contains("Preparation record: PRM00936", id, "LIN-LOT-7", "2030-12-31", "B-2291", "78.004",
                "balance under service", "Sample " + sample, "Audit trail intact", "signed by",
                "weight entered by hand and verified", "printed by lablead", "Page 1 of " + pages);
        for (int sequence = 2; sequence <= 8; sequence++) {
            assertThat(text).contains(" "
                    + prepbench.scales.Grams.shown(new BigDecimal(stepField(id, sequence, "capturedQtyG", who))) + " ");
        }
        mvc.perform(get("/preparations/" + id + "/record.pdf").with(who))
            .andExpect(status().isOk())
            .andExpect(content().contentType("application/pdf"));
        mvc.perform(get("/api/v1/preparations/" + UUID.randomUUID() + "/record.pdf").with(lead))
            .andExpect(status().isNotFound());
    }

    /** A PRM00936 weighed from start to completion by the technician. */
    private String completed(RequestPostProcessor who) throws Exception {
        String id = start(who, "PRM00936");
        for (int sequence = 1; sequence <= 8; sequence++) {
            prepareStep(id, sequence, stepField(id, sequence, "targetQtyG", who), who);
            capture(id, sequence, who).andExpect(status().isOk());
        }
        return id;
    }

    /** The problems the preparation's audit verification reports. */
    private List<java.util.Map<String, Object>> problems(String id) throws Exception {
        String body = mvc.perform(get("/api/v1/preparations/" + id + "/audit").with(user("lablead").roles("LAB_LEAD")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.verification.intact").value(false))
            .andReturn()
            .getResponse()
            .getContentAsString();
        return JsonPath.read(body, "$.verification.problems");
    }

    private static boolean problem(java.util.Map<String, Object> problem, String kind, Integer sequence, String field,
            String detail) {
        return kind.equals(problem.get("kind")) && (sequence == null || sequence.equals(problem.get("sequence")))
                && (field == null || field.equals(problem.get("field")))
                && (detail == null || String.valueOf(problem.get("detail")).contains(detail));
    }

    private void deleteEvents(String id, String condition) {
        prepbench.support.BehindTheBack.changeAuditTrail(dataSource,
                () -> jdbc.sql("DELETE FROM audit_event WHERE chain = :chain AND " + condition)
                    .param("chain", "session:" + id)
                    .update());
    }

    @Test
    void aCompletedPreparationsChainCutShortIsReportedAsTruncated() throws Exception {
        RequestPostProcessor who = technician();
        String id = completed(who);
        mvc.perform(post("/api/v1/audit/checkpoints").with(user("lablead").roles("LAB_LEAD")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.chains").isNumber());
        int last = jdbc.sql("SELECT MAX(seq) FROM audit_event WHERE chain = :chain")
            .param("chain", "session:" + id)
            .query(Integer.class)
            .single();

        deleteEvents(id, "seq = " + last);

        assertThat(problems(id)).anyMatch(problem -> problem(problem, "truncated", last, null, "checkpoint"))
            .anyMatch(problem -> problem(problem, "truncated", null, "status", "no event that ended it"));

        deleteEvents(id, "1 = 1");
        assertThat(problems(id))
            .anyMatch(problem -> problem(problem, "truncated", last, null, "the chain has no events"))
            .anyMatch(problem -> problem(problem, "truncated", null, "status", "no event that started it"));
    }

    @Test
    void anEventRemovedFromTheMiddleOfAChainIsAGap() throws Exception {
        String id = completed(technician());

        deleteEvents(id, "seq = 5");

        assertThat(problems(id)).anyMatch(problem -> problem(problem, "gap", 6, null, "event #5 is missing"));
    }

    @Test
    void aCapturedWeightChangedInTheRecordIsReportedAsAlteredNamingTheField() throws Exception {
        String id = completed(technician());
        UUID session = UUID.fromString(id);

        jdbc.sql("UPDATE preparation_step SET captured_g = captured_g + 0.5 WHERE session_id = :id AND sequence_no = 2")
            .param("id", session)
            .update();
        jdbc.sql("""
                UPDATE sample_line SET lot = 'OTHER-LOT'
                 WHERE sequence_no = 3 AND sample_id = (SELECT id FROM sample WHERE session_id = :id)
                """).param("id", session).update();

        assertThat(problems(id))
            .anyMatch(problem -> problem(problem, "altered", null, "step 2 captured weight", "and event "))
            .anyMatch(problem -> problem(problem, "altered", null, "sample line 3 lot", "OTHER-LOT"));
    }

    @Test
    void anEventRehashedWithPlainSha256AsBeforeIsStillFound() throws Exception {
        String id = completed(technician());
        String chain = "session:" + id;
        long edited = jdbc
            .sql("SELECT seq FROM audit_event WHERE chain = :chain AND action = 'WEIGHT_CAPTURED' "
                    + "AND step_sequence = 2")
            .param("chain", chain)
            .query(Long.class)
            .single();

        // someone with write access changes the weight in the event and re-hashes the
        // chain from there on, as the
        // plain SHA-256 chain of before allowed; once keeping the key id, once clearing
        // it
        rehashFrom(chain, edited, true);
        assertThat(problems(id)).anyMatch(
                problem -> problem(problem, "altered", (int) edited, null, "its seal does not match its content"));

        rehashFrom(chain, edited, false);
        assertThat(problems(id))
            .anyMatch(problem -> problem(problem, "forged", (int) edited, null, "not sealed under a key"));
    }

    private void rehashFrom(String chain, long fromSeq, boolean keepKeyId) {
        record Row(long id, long seq, java.time.Instant at, String actor, String action, UUID session, Integer step,
                String formula, String payload) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT id, seq, occurred_at, actor, action, session_id, step_sequence, formula_code, payload
                  FROM audit_event WHERE chain = :chain ORDER BY seq
                """)
            .param("chain", chain)
            .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("seq"),
                    rs.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("actor"),
                    rs.getString("action"), rs.getObject("session_id", UUID.class),
                    (Integer) rs.getObject("step_sequence"), rs.getString("formula_code"), rs.getString("payload")))
            .list();
        prepbench.support.BehindTheBack.changeAuditTrail(dataSource, () -> {
            String prev = jdbc.sql("SELECT hash FROM audit_event WHERE chain = :chain AND seq = :seq")
                .param("chain", chain)
                .param("seq", fromSeq - 1)
                .query(String.class)
                .single();
            for (Row row : rows) {
                if (row.seq() < fromSeq) {
                    continue;
                }
                String payload = row.seq() == fromSeq
                        ? row.payload().replaceFirst("\"grams\":\"[0-9.]+\"", "\"grams\":\"1.000\"") : row.payload();
                String hash = sha256(String.join("\n", prev, chain, row.at().toString(), row.actor(), row.action(),
                        row.session() == null ? "" : row.session().toString(),
                        row.step() == null ? "" : row.step().toString(), row.formula() == null ? "" : row.formula(),
                        payload));
                jdbc.sql("UPDATE audit_event SET payload = :payload, prev_hash = :prev, hash = :hash"
                        + (keepKeyId ? "" : ", key_id = NULL") + " WHERE id = :id")
                    .param("payload", payload)
                    .param("prev", prev)
                    .param("hash", hash)
                    .param("id", row.id())
                    .update();
                prev = hash;
            }
        });
    }

    private static String sha256(String content) {
        try {
            return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Test
    void aViewerCannotActOnASessionNorWriteIntoItsRecord() throws Exception {
        String id = start(technician(), "PRM00936");
        RequestPostProcessor viewer = user("vera").roles("VIEWER");
        int events = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE session_id = :id")
            .param("id", UUID.fromString(id))
            .query(Integer.class)
            .single();

        json(post("/api/v1/preparations/" + id + "/steps/1/scan"), viewer, "{\"code\":\"ING-ETH-001\"}")
            .andExpect(status().isForbidden());
        json(post("/api/v1/preparations/" + id + "/abort"), viewer, "{\"reason\":\"x\"}")
            .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/benches/" + bench + "/tare").with(viewer)).andExpect(status().isForbidden());

        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE session_id = :id")
            .param("id", UUID.fromString(id))
            .query(Integer.class)
            .single()).isEqualTo(events);
    }

    @Test
    void aWeightEnteredByHandNeedsTheLabLeadsSignatureAndSaysWhatIsWrongWithIt() throws Exception {
        RequestPostProcessor who = technician();
        RequestPostProcessor lead = user("lablead").roles("LAB_LEAD");
        String id = start(who, "PRM00936");
        json(post("/api/v1/preparations/" + id + "/steps/1/scan"), who, "{\"code\":\"ING-ETH-001\"}")
            .andExpect(status().isOk());
        String manual = "/api/v1/preparations/" + id + "/steps/1/manual";
        String meaning = "\"meaning\":\"weight entered by hand and verified\"";

        json(post(manual), who, "{\"grams\":78,\"reason\":\"balance broken\",\"password\":\"tech123\"," + meaning + "}")
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.reason").value("NOT_PERMITTED"));
        json(post(manual), lead,
                "{\"grams\":1e9,\"reason\":\"balance broken\",\"password\":\"lablead123\"," + meaning + "}")
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.reason").value("INVALID_WEIGHT"))
            .andExpect(jsonPath("$.detail", containsString("more than ten times the whole batch")));
        json(post(manual), lead, "{\"grams\":78,\"reason\":\"balance broken\",\"password\":\"lablead123\"}")
            .andExpect(jsonPath("$.reason").value("MEANING_REQUIRED"));
        json(post(manual), lead,
                "{\"grams\":78,\"reason\":\"balance broken\",\"password\":\"not-mine\"," + meaning + "}")
            .andExpect(jsonPath("$.reason").value("WRONG_PASSWORD"));
        json(post(manual), lead,
                "{\"grams\":78,\"reason\":\"balance broken\",\"password\":\"lablead123\"," + meaning + "}")
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.steps[0].status").value("ok"))
            .andExpect(jsonPath("$.steps[0].manual").value(true));

        assertThat(jdbc
            .sql("SELECT payload FROM audit_event WHERE session_id = :id AND action = 'WEIGHT_ENTERED_MANUALLY'")
            .param("id", UUID.fromString(id))
            .query(String.class)
            .single()).contains("\"signedBy\":\"lablead\"",
                    "\"signatureMeaning\":\"weight entered by hand and verified\"",
                    "\"manualReason\":\"balance broken\"");
    }

    @Test
    void aBareCodeOfALotRequiredIngredientAsksForItsLotBeforeTheWeighing() throws Exception {
        RequestPostProcessor who = technician();
        String id = start(who, "PRM00936");
        for (int sequence = 1; sequence <= 3; sequence++) {
            prepareStep(id, sequence, stepField(id, sequence, "targetQtyG", who), who);
            capture(id, sequence, who).andExpect(status().isOk());
        }
        json(post("/api/v1/preparations/" + id + "/steps/4/scan"), who, "{\"code\":\"BER-001\"}")
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.steps[3].lot").doesNotExist());
        mvc.perform(post("/api/v1/benches/" + bench + "/tare").with(who)).andExpect(status().isOk());
        onPan = onPan.add(new BigDecimal(stepField(id, 4, "targetQtyG", who)));
        load(who, onPan.toPlainString());
        capture(id, 4, who).andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.reason").value("LOT_REQUIRED"));
        json(post("/api/v1/preparations/" + id + "/steps/4/lot"), who, "{\"lot\":\"B-7\",\"expiry\":\"31.12.2030\"}")
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.reason").value("LOT_REQUIRED"));
        json(post("/api/v1/preparations/" + id + "/steps/4/lot"), who, "{\"lot\":\"B-7\",\"expiry\":\"2030-12-31\"}")
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.steps[3].lot").value("B-7"))
            .andExpect(jsonPath("$.steps[3].expiry").value("2030-12-31"));
        capture(id, 4, who).andExpect(status().isOk()).andExpect(jsonPath("$.steps[3].status").value("ok"));
        assertThat(jdbc.sql("SELECT payload FROM audit_event WHERE session_id = :id AND action = 'LOT_ENTERED'")
            .param("id", UUID.fromString(id))
            .query(String.class)
            .single()).contains("\"lot\":\"B-7\"");
    }

    @Test
    void zeroAndTareAreActionsOfTheCallersPreparationAtTheBenchAndRecordedInIt() throws Exception {
        RequestPostProcessor who = technician();
        RequestPostProcessor someoneElse = technician();
        mvc.perform(post("/api/v1/benches/" + bench + "/zero").with(who))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.reason").value("NO_PREPARATION_HERE"))
            .andExpect(jsonPath("$.detail", containsString("start or resume yours at bench " + bench)));
        String id = start(who, "PRM00936");
        load(who, "3.25");
        mvc.perform(post("/api/v1/benches/" + bench + "/zero").with(someoneElse))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.reason").value("NO_PREPARATION_HERE"));
        mvc.perform(post("/api/v1/benches/" + bench + "/zero").with(who))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.grams").value(0));
        assertThat(jdbc.sql("SELECT payload FROM audit_event WHERE session_id = :id AND action = 'BALANCE_ZEROED'")
            .param("id", UUID.fromString(id))
            .query(String.class)
            .single()).contains("\"gramsRemoved\":\"3.250\"").contains("\"bench\":\"" + bench + "\"");
        assertThat(jdbc.sql("SELECT tared_at FROM preparation_session WHERE id = :id")
            .param("id", UUID.fromString(id))
            .query(java.time.OffsetDateTime.class)
            .optional()).as("a zero is no tare").isEmpty();

        mvc.perform(post("/api/v1/benches/" + bench + "/tare").with(who))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.reason").value("NO_VESSEL"))
            .andExpect(jsonPath("$.detail", containsString("put the vessel on the pan")));
        load(who, "55.567");
        mvc.perform(post("/api/v1/benches/" + bench + "/tare").with(who)).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT payload FROM audit_event WHERE session_id = :id AND action = 'BALANCE_TARED'")
            .param("id", UUID.fromString(id))
            .query(String.class)
            .single()).contains("\"gramsRemoved\":\"52.317\"");
        assertThat(jdbc.sql("SELECT tared_at FROM preparation_session WHERE id = :id")
            .param("id", UUID.fromString(id))
            .query(java.time.OffsetDateTime.class)
            .optional()).as("kept with the session, not in memory").isPresent();
    }

    @Test
    void aPreparationMovedToAnotherBenchMustBeTaredThereAgain() throws Exception {
        RequestPostProcessor who = technician();
        String id = start(who, "PRM00936");
        String target = stepField(id, 1, "targetQtyG", who);
        prepareStep(id, 1, target, who);

        String other = prepbench.support.TestBenches.next();
        String moved = json(post("/api/v1/preparations"), who,
                "{\"formulaCode\":\"PRM00936\",\"bench\":\"" + other + "\"}")
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.bench").value(other))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(JsonPath.<String>read(moved, "$.id")).isEqualTo(id);
        json(put("/api/v1/benches/" + other + "/simulator"), who, "{\"grams\":" + target + ",\"settleMs\":0}")
            .andExpect(status().isOk());
        capture(id, 1, who).andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.reason").value("NOT_TARED"));
        tareVessel(who, other);
        json(put("/api/v1/benches/" + other + "/simulator"), who,
                "{\"grams\":" + VESSEL.add(new BigDecimal(target)) + ",\"settleMs\":0}");
        capture(id, 1, who).andExpect(status().isOk())
            .andExpect(jsonPath("$.steps[0].status").value("ok"))
            .andExpect(jsonPath("$.steps[0].balance").value(other + " (SIMULATED)"));
        json(post("/api/v1/preparations"), technician(), "{\"formulaCode\":\"COS00217\",\"bench\":\"" + bench + "\"}")
            .andExpect(status().isCreated());
    }

    @Test
    void refusesBenchInputThatMakesNoSense() throws Exception {
        RequestPostProcessor who = technician();
        mvc.perform(get("/api/v1/benches/nope/reading").with(who)).andExpect(status().isNotFound());
        json(put("/api/v1/benches/" + bench + "/simulator"), who, "{\"grams\":1e9}").andExpect(status().isBadRequest());
        json(put("/api/v1/benches/" + bench + "/simulator"), who, "{\"grams\":10,\"settleMs\":60000}");
        start(who, "PRM00936");
        mvc.perform(post("/api/v1/benches/" + bench + "/tare").with(who))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.reason").value("BALANCE_NOT_READY"))
            .andExpect(jsonPath("$.detail", containsString("not stable")));
        load(who, "0");
        mvc.perform(get("/api/v1/benches").with(who)).andExpect(jsonPath("$[0].id").value("bench-1"));
    }

}
