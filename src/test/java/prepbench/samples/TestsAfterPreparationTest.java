package prepbench.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import prepbench.access.Actor;
import prepbench.entry.InvalidEntry;
import prepbench.formulas.FormulaCode;
import prepbench.formulas.FormulaManagement;
import prepbench.formulas.FormulaTest;
import prepbench.preparation.PreparationManagement;
import prepbench.preparation.PreparationSession;
import prepbench.preparation.StartPreparation;
import prepbench.preparation.Step;
import prepbench.support.DemoLabels;
import prepbench.support.MovableClock;

/**
 * Tests after preparation, on a clock the test moves past their delays: a lab lead gives
 * PRM00936 its tests, a completed preparation schedules them on its sample, the dashboard
 * shows each as due and then overdue, a permitted person records a result once, and the
 * sample page, the API and the batch record show it.
 */
@SpringBootTest(properties = "prepbench.test.database=tests-after-preparation")
@Import(MovableClock.Configuration.class)
@AutoConfigureMockMvc
class TestsAfterPreparationTest {

    private static final Actor LAB_LEAD = Actor.withRoles("lablead", List.of("ROLE_LAB_LEAD"));

    private static final FormulaCode PRM00936 = FormulaCode.of("PRM00936");

    @Autowired
    MockMvc mvc;

    @Autowired
    MovableClock clock;

    @Autowired
    FormulaManagement formulas;

    @Autowired
    PreparationManagement preparations;

    @Autowired
    SampleRegister samples;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void noTestsInForce() {
        formulas.tests(PRM00936).forEach(test -> formulas.removeTest(LAB_LEAD, PRM00936, test.id()));
        prepbench.support.Unlocked.formulas(jdbc, "PRM00936");
    }

    /**
     * PRM00936 prepared by a lab lead entering every weight by hand: the sample it made.
     */
    private Sample completed() {
        PreparationSession session = preparations.startOrResume(new StartPreparation(PRM00936, LAB_LEAD, null, null))
            .session();
        for (Step step : session.steps()) {
            preparations.scanContainer(session.id(), step.sequence(), DemoLabels.PRM00936.get(step.requiredCodeValue()),
                    LAB_LEAD);
            preparations.enterWeightManually(session.id(), step.sequence(), step.targetG(), "balance under service",
                    "lablead123", true, LAB_LEAD);
        }
        return samples.forSession(session.id().value()).orElseThrow();
    }

    @Test
    void aCompletedPreparationSchedulesItsFormulasTestsWhichComeDueAndAreRecordedOnce() throws Exception {
        mvc.perform(post("/api/v1/formulas/PRM00936/tests").with(user("lablead").roles("LAB_LEAD"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"stability\",\"delay\":\"24\",\"unit\":\"hours\"}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.delay").value("1 day"));
        formulas.defineTest(LAB_LEAD, PRM00936, "olfactory evaluation", "7", "days");

        Sample sample = completed();

        assertThat(sample.tests()).extracting(Sample.Test::name).containsExactly("stability", "olfactory evaluation");
        assertThat(sample.tests().get(0).dueAt()).isEqualTo(sample.recordedAt().plus(Duration.ofHours(24)));
        assertThat(sample.tests().get(1).dueAt()).isEqualTo(sample.recordedAt().plus(Duration.ofDays(7)));
        assertThat(samples.dueSoon(100)).extracting(DueTest::name).containsExactly("stability");
        assertThat(samples.dueSoon(100).get(0).overdueAt(clock.instant())).isFalse();

        clock.advance(Duration.ofHours(25));
        assertThat(samples.dueSoon(100)).singleElement()
            .satisfies(test -> assertThat(test.overdueAt(clock.instant())).as("past its 24 h").isTrue());
        mvc.perform(get("/").with(user("lablead").roles("LAB_LEAD")))
            .andExpect(
                    content().string(containsString("<bdi>stability</bdi> on sample <bdi>" + sample.code() + "</bdi>")))
            .andExpect(content().string(containsString("overdue")));

        UUID stability = sample.tests().get(0).id();
        String result = "/samples/" + sample.code() + "/tests/" + stability + "/result";
        mvc.perform(post(result).with(user("technician").roles("TECHNICIAN")).with(csrf()).param("result", "pass"))
            .andExpect(status().isForbidden());
        mvc.perform(post(result).with(user("lablead").roles("LAB_LEAD")).with(csrf()).param("result", "maybe"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(content().string(containsString("Choose the result: pass or fail.")));
        mvc.perform(post("/samples/" + sample.code().toLowerCase() + "/tests/" + stability + "/result")
            .with(user("lablead").roles("LAB_LEAD"))
            .with(csrf())
            .param("result", "pass")
            .param("value", "no separation")
            .param("note", "kept at 40 °C"))
            .andExpect(status().isSeeOther())
            .andExpect(redirectedUrl("/samples/" + sample.code() + "?recorded=stability"));
        mvc.perform(post("/api/v1" + result).with(user("lablead").roles("LAB_LEAD"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"result\":\"fail\"}"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.reason").value("ALREADY_RECORDED"));

        mvc.perform(get("/api/v1/samples/" + sample.code()).with(user("viewer").roles("VIEWER")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.label").value("S:" + sample.code()))
            .andExpect(jsonPath("$.tests[0].result").value("pass"))
            .andExpect(jsonPath("$.tests[0].value").value("no separation"))
            .andExpect(jsonPath("$.tests[0].recordedBy").value("lablead"))
            .andExpect(jsonPath("$.tests[1].result").doesNotExist());
        assertThat(samples.dueSoon(100)).isEmpty();
        clock.advance(Duration.ofDays(6));
        assertThat(samples.dueSoon(100)).extracting(DueTest::name).containsExactly("olfactory evaluation");

        mvc.perform(get("/samples/" + sample.code()).with(user("viewer").roles("VIEWER")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("data-state=\"pass\"")))
            .andExpect(content().string(containsString("data-state=\"overdue\"")))
            .andExpect(content().string(not(containsString("name=\"result\""))));
        mvc.perform(get("/preparations/" + sample.sessionId() + "/record").with(user("viewer").roles("VIEWER")))
            .andExpect(content().string(containsString("Tests after preparation")))
            .andExpect(content().string(containsString(
                    "Test <bdi>stability</bdi> on sample <bdi>" + sample.code() + "</bdi>: <bdi>pass</bdi>")))
            .andExpect(content().string(containsString("Audit trail intact")));
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE chain = :chain ORDER BY seq")
            .param("chain", "sample:" + sample.code())
            .query(String.class)
            .list()).containsExactly("TESTS_SCHEDULED", "TEST_RESULT_RECORDED");
        mvc.perform(get("/s/" + sample.code()).with(user("viewer").roles("VIEWER")))
            .andExpect(redirectedUrl("/samples/" + sample.code()));
        mvc.perform(get("/labels").param("samples", sample.code())
            .param("size", "50x25")
            .with(user("viewer").roles("VIEWER")))
            .andExpect(content().string(containsString("thermal-label")))
            .andExpect(content().string(containsString("/samples/" + sample.code() + "/label.svg")));
    }

    @Test
    void onlyTheTestsInForceAtCompletionAreScheduled() {
        FormulaTest removed = formulas.defineTest(LAB_LEAD, PRM00936, "viscosity", "2", "hours");
        formulas.removeTest(LAB_LEAD, PRM00936, removed.id());
        Sample before = completed();
        formulas.defineTest(LAB_LEAD, PRM00936, "colour", "1", "days");

        assertThat(before.tests()).isEmpty();
        assertThat(samples.byCode(before.code()).orElseThrow().tests()).isEmpty();
        assertThat(completed().tests()).extracting(Sample.Test::name).containsExactly("colour");
    }

    @Test
    void aTestNeedsANameOfItsOwnAndADelayFromAnHourToAYear() {
        formulas.defineTest(LAB_LEAD, PRM00936, "stability", "24", "hours");

        assertThatThrownBy(() -> formulas.defineTest(LAB_LEAD, PRM00936, "Stability", "2", "days"))
            .isInstanceOf(InvalidEntry.class)
            .hasMessageContaining("already has a test called");
        for (String delay : List.of("0", "0.01", "1,5", "367", "", "x")) {
            assertThatThrownBy(() -> formulas.defineTest(LAB_LEAD, PRM00936, "other", delay, "days")).as(delay)
                .isInstanceOf(InvalidEntry.class);
        }
        assertThatThrownBy(() -> formulas.defineTest(Actor.withRoles("tina", List.of("ROLE_TECHNICIAN")), PRM00936,
                "other", "1", "days"))
            .isInstanceOf(prepbench.access.NotPermitted.class);
        assertThat(formulas.tests(PRM00936)).extracting(FormulaTest::name).containsExactly("stability");
    }

}
