package prepbench.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import prepbench.preparation.PreparationManagement;
import prepbench.preparation.SessionId;
import prepbench.scales.BenchManagement;

/**
 * The weighing actions of the preparation page, the live reading stream and the
 * preparation record.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WeighingPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    javax.sql.DataSource dataSource;

    @Autowired
    BenchManagement benches;

    @Autowired
    PreparationManagement preparations;

    private String start(RequestPostProcessor who) throws Exception {
        return mvc.perform(post("/scan").param("raw", "F=PRM00936").with(who).with(csrf()))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    }

    private static RequestPostProcessor aTechnician() {
        return user("page-" + UUID.randomUUID()).roles("TECHNICIAN");
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
    void theActiveStepAsksForItsContainer() throws Exception {
        RequestPostProcessor who = aTechnician();
        String preparation = start(who);

        mvc.perform(get(preparation).with(who))
            .andExpect(content().string(allOf(containsString("Step 1 of 8: <span dir=\"auto\">Ethanol"),
                    containsString("id=\"container-code\""), containsString("78.000 g"),
                    containsString("(77.500 – 78.500 g)"), containsString("Scan the container of <bdi>Ethanol"),
                    matchesPattern("(?s).*/js/live-[0-9a-f]{32}\\.js.*"))));
    }

    @Test
    void aWrongContainerIsRefusedInTheFragmentWithHtmx() throws Exception {
        RequestPostProcessor who = aTechnician();
        String preparation = start(who);

        mvc.perform(post(preparation + "/steps/1/scan").param("code", "<b>ING-LIM-001</b>")
            .header("HX-Request", "true")
            .with(who)
            .with(csrf()))
            .andExpect(status().isUnprocessableContent())
            .andExpect(content().string(allOf(containsString("id=\"session-body\""), not(containsString("<html")),
                    containsString("data-testid=\"action-message\""), containsString("Wrong container"),
                    not(containsString("<b>ING-LIM")))));
    }

    @Test
    void withoutJavaScriptAnActionAnswers303WithItsMessage() throws Exception {
        RequestPostProcessor who = aTechnician();
        String preparation = start(who);

        mvc.perform(post(preparation + "/steps/1/scan").param("code", "ING-ETH-001").with(who).with(csrf()))
            .andExpect(status().isSeeOther())
            .andExpect(redirectedUrl(preparation))
            .andExpect(flash().attribute("message", containsString("Container accepted")));
        mvc.perform(post(preparation + "/steps/1/capture").with(who).with(csrf()))
            .andExpect(status().isSeeOther())
            .andExpect(flash().attribute("messageIsError", true));
        String bench = jdbc.sql("SELECT bench FROM preparation_session WHERE id = :id")
            .param("id", SessionId.parse(preparation.substring("/preparations/".length())).value())
            .query(String.class)
            .single();
        benches.simulate(bench, java.math.BigDecimal.ZERO, java.time.Duration.ZERO, null, false);
        mvc.perform(post(preparation + "/tare").with(who).with(csrf()))
            .andExpect(flash().attribute("message", containsString("put the vessel on the pan")))
            .andExpect(flash().attribute("form", "tare"));
        benches.simulate(bench, new java.math.BigDecimal("52.317"), java.time.Duration.ZERO, null, false);
        mvc.perform(post(preparation + "/tare").with(who).with(csrf()))
            .andExpect(flash().attribute("message", containsString("Balance tared")));
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE session_id = :id ORDER BY id")
            .param("id", SessionId.parse(preparation.substring("/preparations/".length())).value())
            .query(String.class)
            .list()).containsExactly("SESSION_STARTED", "CONTAINER_SCANNED", "REFUSED_CAPTURE", "REFUSED_TARE",
                    "BALANCE_TARED");
        mvc.perform(get(preparation).with(who))
            .andExpect(content().string(allOf(containsString("data-testid=\"identified\""),
                    containsString("data-bench=\"" + bench + "\""), containsString(">Capture</button>"))));
    }

    @Test
    void aViewerSeesThePreparationButNoActions() throws Exception {
        String preparation = start(aTechnician());

        mvc.perform(get(preparation).with(user("vera").roles("VIEWER")))
            .andExpect(status().isOk())
            .andExpect(content()
                .string(allOf(not(containsString("container-code")), not(containsString("Abort this preparation")))));
        mvc.perform(post(preparation + "/abort").param("reason", "x").with(user("vera").roles("VIEWER")).with(csrf()))
            .andExpect(status().isForbidden());
    }

    @Test
    void theLiveStreamSendsTheBenchReading() throws Exception {
        MvcResult stream = mvc.perform(get("/benches/bench-1/stream").with(aTechnician()))
            .andExpect(request().asyncStarted())
            .andReturn();

        assertThat(stream.getResponse().getContentAsString()).contains("event:reading")
            .contains("\"bench\":\"bench-1\"")
            .contains("\"state\":\"");
        mvc.perform(get("/benches/nope/stream").with(aTechnician())).andExpect(status().isNotFound());
    }

    @Test
    void theRecordShowsStepsEventsAndWhetherTheChainIsIntact() throws Exception {
        RequestPostProcessor who = aTechnician();
        String preparation = start(who);
        mvc.perform(post(preparation + "/steps/1/scan").param("code", "ING-ETH-001").with(who).with(csrf()));

        mvc.perform(get(preparation + "/record").with(who))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Audit trail intact"), containsString("SESSION_STARTED"),
                    containsString("CONTAINER_SCANNED"), containsString("ING-ETH-001"))));

        UUID id = SessionId.parse(preparation.substring("/preparations/".length())).value();
        prepbench.support.BehindTheBack.changeAuditTrail(dataSource,
                () -> jdbc
                    .sql("UPDATE audit_event SET payload = '{}' WHERE session_id = :id AND action = 'SESSION_STARTED'")
                    .param("id", id)
                    .update());

        mvc.perform(get(preparation + "/record").with(who))
            .andExpect(content().string(allOf(containsString("Audit trail tampered"),
                    containsString("was changed after it was recorded"))));
    }

    @Test
    void aSampleLabelOpensTheRecordOfItsPreparation() throws Exception {
        mvc.perform(post("/scan").param("raw", "S:NO-SUCH-SAMPLE").with(aTechnician()).with(csrf()))
            .andExpect(redirectedUrl("/samples?code=NO-SUCH-SAMPLE"));
        mvc.perform(get("/samples").param("code", "NO-SUCH-SAMPLE").with(aTechnician()))
            .andExpect(status().isNotFound())
            .andExpect(content().string(containsString("Sample not found")));
    }

}
