package prepbench.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import prepbench.support.Rows;
import prepbench.support.TestBenches;

@SpringBootTest
@AutoConfigureMockMvc
class PagesTest {

    private static final String PREPARATION_URL = "/preparations/[0-9a-f-]{36}";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private static RequestPostProcessor aTechnician() {
        return user("tech-" + UUID.randomUUID()).roles("TECHNICIAN");
    }

    private String scan(RequestPostProcessor who, String raw) throws Exception {
        return mvc.perform(post("/scan").param("raw", raw).with(who).with(csrf()))
            .andExpect(status().isSeeOther())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
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
    void theDashboardFindsReleasedFormulasAndBadgesMineAndLockedOnesAndShowsDraftsToEditorsOnly() throws Exception {
        RequestPostProcessor technician = aTechnician();
        scan(technician, "F=PRM00936");
        scan(aTechnician(), "F=COS00217");
        jdbc.sql("""
                UPDATE formula_attempts SET locked_at = CURRENT_TIMESTAMP, locked_reason = 'test lock'
                 WHERE formula_id = (SELECT id FROM formula WHERE code = 'COS00217')
                """).update();
        try {
            String all = mvc.perform(get("/").with(technician))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
            assertThat(all)
                .contains("PRM00936", "COS00217", "data-testid=\"badge-mine\"", "data-testid=\"badge-locked\"")
                .doesNotContain("data-testid=\"dashboard-draft\"");
            String found = mvc.perform(get("/").param("q", "hand cream").with(technician))
                .andReturn()
                .getResponse()
                .getContentAsString();
            assertThat(found).contains("href=\"/formula-first?code=COS00217\"")
                .doesNotContain("href=\"/formula-first?code=PRM00936\"");
            mvc.perform(get("/").param("q", "no such formula").with(technician))
                .andExpect(content().string(containsString("No released formula has \"<bdi>no such formula</bdi>\"")));
            mvc.perform(get("/").with(user("lead-" + UUID.randomUUID()).roles("LAB_LEAD")))
                .andExpect(content().string(
                        allOf(containsString("Drafts (not released)"), containsString("href=\"/formulas/PRM01300\""))));
        }
        finally {
            jdbc.sql("UPDATE formula_attempts SET locked_at = NULL, locked_reason = NULL WHERE formula_id = "
                    + "(SELECT id FROM formula WHERE code = 'COS00217')")
                .update();
        }
    }

    @Test
    void sendsAnonymousVisitorsToTheLoginPage() throws Exception {
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/preparations/" + UUID.randomUUID())).andExpect(status().isFound());
        mvc.perform(get("/login"))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("name=\"username\""), containsString("name=\"_csrf\""))));
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/css/bootstrap.min.css")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
    }

    @Test
    void signsInWithTheDemoAccounts() throws Exception {
        mvc.perform(formLogin().user("technician").password("tech123")).andExpect(redirectedUrl("/"));
        mvc.perform(formLogin().user("lablead").password("lablead123")).andExpect(redirectedUrl("/"));
        mvc.perform(formLogin().user("technician").password("wrong")).andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login").param("error", ""))
            .andExpect(content().string(containsString("Wrong username or password")));
    }

    @Test
    void refusesAFormWithoutItsCsrfToken() throws Exception {
        Rows before = Rows.count(jdbc);

        mvc.perform(post("/scan").param("raw", "F=PRM00936").with(aTechnician())).andExpect(status().isForbidden());

        assertThat(Rows.count(jdbc)).isEqualTo(before);
    }

    @Test
    void dashboardHasAFocusedScanBoxAndTheOperatorsSessions() throws Exception {
        RequestPostProcessor technician = user("dash-" + UUID.randomUUID()).roles("TECHNICIAN");
        String preparation = scan(technician, "F=COS00217");

        mvc.perform(get("/").with(technician))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(matchesPattern("(?s).*<input id=\"scan\"[^>]*autofocus.*"),
                    containsString("action=\"/scan\""), containsString("href=\"" + preparation + "\""),
                    containsString("COS00217"))));
    }

    @Test
    void scanningAFormulaLandsOnItsPreparationAndScanningAgainResumesIt() throws Exception {
        RequestPostProcessor technician = aTechnician();

        String first = scan(technician, "F=PRM00936");
        String again = scan(technician, "  prm00936\r\n");
        String viaUrl = scan(technician, "https://prepbench.lab/f/PRM00936");

        assertThat(first).matches(PREPARATION_URL);
        assertThat(again).isEqualTo(first);
        assertThat(viaUrl).isEqualTo(first);
        mvc.perform(get(first).with(technician))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("PRM00936"), containsString("Eau de parfum Citrus Bloom"),
                    containsString(">In progress<"), containsString("Vanillin"), containsString("78.000"),
                    containsString("± 0.500"), containsString("− 0.020 / + 0.010"))));
    }

    @Test
    void theBenchPickerChoosesTheBenchAndIsRemembered() throws Exception {
        String bench = TestBenches.next();
        RequestPostProcessor technician = aTechnician();

        var picked = mvc
            .perform(post("/scan").param("raw", "F=PRM00936").param("bench", bench).with(technician).with(csrf()))
            .andExpect(status().isSeeOther())
            .andExpect(cookie().value("prepbench-bench", bench))
            .andReturn()
            .getResponse();
        mvc.perform(get(picked.getRedirectedUrl()).with(technician))
            .andExpect(content().string(containsString("data-testid=\"bench\"><bdi>" + bench + "</bdi><")));
        mvc.perform(post("/scan").param("raw", "F=COS00217")
            .with(technician)
            .with(csrf())
            .cookie(new jakarta.servlet.http.Cookie("prepbench-bench", bench)))
            .andExpect(status().isConflict())
            .andExpect(content().string(containsString("Bench " + bench + " is in use: PRM00936 attempt")));
        mvc.perform(
                post(picked.getRedirectedUrl() + "/abort").param("reason", "wrong bench").with(technician).with(csrf()))
            .andExpect(status().isSeeOther());

        String next = mvc
            .perform(post("/scan").param("raw", "F=COS00217")
                .with(technician)
                .with(csrf())
                .cookie(new jakarta.servlet.http.Cookie("prepbench-bench", bench)))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
        mvc.perform(get(next).with(technician))
            .andExpect(content().string(containsString("data-testid=\"bench\"><bdi>" + bench + "</bdi><")));
        mvc.perform(get("/").with(technician).cookie(new jakarta.servlet.http.Cookie("prepbench-bench", bench)))
            .andExpect(
                    content().string(matchesPattern("(?s).*<option value=\"" + bench + "\" selected dir=\"auto\">.*")));
        mvc.perform(post("/scan").param("raw", "F=PRM01204").param("bench", "<nope>").with(technician).with(csrf()))
            .andExpect(status().isSeeOther())
            .andExpect(cookie().doesNotExist("prepbench-bench"));
    }

    @Test
    void scanningAPreparationLabelOpensIt() throws Exception {
        RequestPostProcessor technician = aTechnician();
        String preparation = scan(technician, "F=PRM00936");
        String id = preparation.substring("/preparations/".length());

        assertThat(scan(technician, "P:" + id)).isEqualTo(preparation);
        assertThat(scan(technician, id.toUpperCase())).isEqualTo(preparation);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "hello world!", "<script>alert('x')</script>", "\u0001\u0002\u0003" })
    void unrecognisedScanSaysWhatToScanAndEchoesItEscaped(String raw) throws Exception {
        Rows before = Rows.count(jdbc);

        mvc.perform(post("/scan").param("raw", raw).with(aTechnician()).with(csrf()))
            .andExpect(status().isUnprocessableContent())
            .andExpect(content()
                .string(allOf(containsString("data-testid=\"scan-message\""), not(containsString("<script>alert")))));

        assertThat(Rows.count(jdbc)).isEqualTo(before);
    }

    @Test
    void formulaFirstWithAutoStartAnswers303ToThePreparation() throws Exception {
        RequestPostProcessor technician = aTechnician();

        String first = mvc
            .perform(get("/formula-first").param("code", "PRM00936").param("auto", "start").with(technician))
            .andExpect(status().isSeeOther())
            .andExpect(header().string("Location", matchesPattern(".*" + PREPARATION_URL)))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
        String again = mvc
            .perform(get("/formula-first").param("code", "prm00936").param("auto", "start").with(technician))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();

        assertThat(again).isEqualTo(first);
    }

    @Test
    void aLinkFromAnotherSiteShowsTheFormulaInsteadOfStartingIt() throws Exception {
        Rows before = Rows.count(jdbc);

        mvc.perform(get("/formula-first").param("code", "PRM00936")
            .param("auto", "start")
            .header("Sec-Fetch-Site", "cross-site")
            .with(aTechnician()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString(">Start</button>")));

        assertThat(Rows.count(jdbc)).isEqualTo(before);
        mvc.perform(get("/formula-first").param("code", "PRM00936")
            .param("auto", "start")
            .header("Sec-Fetch-Site", "none")
            .with(aTechnician())).andExpect(status().isSeeOther());
    }

    @Test
    void formulaFirstWithoutAutoShowsTheBatchForm() throws Exception {
        mvc.perform(get("/formula-first").param("code", "PRM00936").with(aTechnician()))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("name=\"amount\""), containsString("value=\"100\""),
                    containsString("name=\"unit\""), containsString(">Start</button>"),
                    containsString("mL and L are not offered"))));
    }

    @Test
    void startButtonStartsWithTheBatchSize() throws Exception {
        RequestPostProcessor technician = aTechnician();

        String preparation = mvc
            .perform(post("/formula-first").param("code", "PRM01204")
                .param("amount", "250")
                .param("unit", "mL")
                .with(technician)
                .with(csrf()))
            .andExpect(status().isSeeOther())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();

        mvc.perform(get(preparation).with(technician))
            .andExpect(content().string(allOf(containsString("250 mL"), containsString("210.030 g"))));
    }

    @ParameterizedTest
    @ValueSource(strings = { "abc", "-1", "0", "1e9", "99999999999999999" })
    void refusesABadBatchNextToTheFieldAndWritesNothing(String amount) throws Exception {
        Rows before = Rows.count(jdbc);

        mvc.perform(post("/formula-first").param("code", "PRM00936")
            .param("amount", amount)
            .param("unit", "g")
            .with(aTechnician())
            .with(csrf()))
            .andExpect(status().isUnprocessableContent())
            .andExpect(content()
                .string(allOf(containsString("data-testid=\"amount-error\""), containsString("is-invalid"))));

        assertThat(Rows.count(jdbc)).isEqualTo(before);
    }

    @Test
    void refusesAVolumeBatchOfAFormulaWithoutDensitiesNextToTheUnit() throws Exception {
        Rows before = Rows.count(jdbc);

        mvc.perform(post("/formula-first").param("code", "PRM00936")
            .param("amount", "100")
            .param("unit", "mL")
            .with(aTechnician())
            .with(csrf()))
            .andExpect(status().isUnprocessableContent())
            .andExpect(content().string(
                    allOf(containsString("data-testid=\"unit-error\""), containsString("no density for Vanillin"))));
        mvc.perform(post("/formula-first").param("code", "PRM00936")
            .param("amount", "100")
            .param("unit", "lb")
            .with(aTechnician())
            .with(csrf()))
            .andExpect(status().isUnprocessableContent())
            .andExpect(content().string(containsString("Unknown unit")));

        assertThat(Rows.count(jdbc)).isEqualTo(before);
    }

    @Test
    void unknownFormulaIsA404WithCloseMatches() throws Exception {
        mvc.perform(get("/formula-first").param("code", "PRM0093").param("auto", "start").with(aTechnician()))
            .andExpect(status().isNotFound())
            .andExpect(content().string(allOf(containsString("Formula not found: PRM0093"),
                    containsString("href=\"/formula-first?code=PRM00936\""))));
    }

    @Test
    void htmlOrSqlInACodeIsEchoedEscapedAndWritesNothing() throws Exception {
        Rows before = Rows.count(jdbc);
        int formulas = jdbc.sql("SELECT COUNT(*) FROM formula").query(Integer.class).single();

        mvc.perform(get("/formula-first").param("code", "<img src=x onerror=alert(1)>")
            .param("auto", "start")
            .with(aTechnician()))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(
                    allOf(containsString("&lt;img src=x onerror=alert(1)&gt;"), not(containsString("<img src=x")))));
        mvc.perform(get("/formula-first").param("code", "x'; DROP TABLE formula; --")
            .param("auto", "start")
            .with(aTechnician()))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(containsString("x'; DROP TABLE formula; --")));

        assertThat(Rows.count(jdbc)).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM formula").query(Integer.class).single()).isEqualTo(formulas);
    }

    @Test
    void emptyAndHugeCodesAreRefusedWithAShortEcho() throws Exception {
        mvc.perform(get("/formula-first").param("code", "").param("auto", "start").with(aTechnician()))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(containsString("Enter or scan a formula code.")));
        mvc.perform(get("/formula-first").param("auto", "start").with(aTechnician()))
            .andExpect(status().isBadRequest());
        mvc.perform(get("/formula-first").param("code", "Q".repeat(10_000)).param("auto", "start").with(aTechnician()))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(allOf(containsString("… (10000)"), not(containsString("Q".repeat(81))))));
    }

    @Test
    void draftFormulaCannotBeStarted() throws Exception {
        mvc.perform(get("/formula-first").param("code", "PRM01300").param("auto", "start").with(aTechnician()))
            .andExpect(status().isConflict())
            .andExpect(content().string(containsString("has no released version")));
    }

    @Test
    void unknownPreparationIsA404AndAFormulaFallbackStartsIt() throws Exception {
        String unknown = "/preparations/" + UUID.randomUUID();

        mvc.perform(get(unknown).with(aTechnician()))
            .andExpect(status().isNotFound())
            .andExpect(content().string(containsString("Preparation not found.")));
        mvc.perform(get(unknown).param("f", "PRM00936").with(aTechnician()))
            .andExpect(status().isSeeOther())
            .andExpect(redirectedUrl("/formula-first?code=PRM00936&auto=start"));
        mvc.perform(get("/preparations/not-an-id").with(aTechnician()))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(allOf(containsString("Preparation not found."), containsString("not-an-id"))));
    }

    @Test
    void viewerSeesTheFormulaInsteadOfStartingIt() throws Exception {
        RequestPostProcessor viewer = user("vera").roles("VIEWER");
        Rows before = Rows.count(jdbc);

        mvc.perform(post("/scan").param("raw", "F=PRM00936").with(viewer).with(csrf()))
            .andExpect(redirectedUrl("/formula-first?code=PRM00936"));
        mvc.perform(get("/formula-first").param("code", "PRM00936").param("auto", "start").with(viewer))
            .andExpect(status().isOk())
            .andExpect(content().string(not(containsString(">Start</button>"))));
        mvc.perform(post("/formula-first").param("code", "PRM00936")
            .param("amount", "100")
            .param("unit", "g")
            .with(viewer)
            .with(csrf())).andExpect(status().isForbidden());

        assertThat(Rows.count(jdbc)).isEqualTo(before);
    }

    @Test
    void historyListsSessionsNewestFirstAndFiltersWithHtmx() throws Exception {
        String operator = "hist-" + UUID.randomUUID();
        RequestPostProcessor technician = user(operator).roles("TECHNICIAN");
        scan(technician, "F=PRM00936");
        scan(technician, "F=COS00217");

        String page = mvc.perform(get("/preparations").param("operator", operator).with(technician))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(page).contains("<html").contains("hx-get=\"/preparations\"");
        assertThat(page.indexOf("COS00217")).isLessThan(page.lastIndexOf("PRM00936"));

        mvc.perform(get("/preparations").param("operator", operator)
            .param("formula", "cos00217")
            .header("HX-Request", "true")
            .with(technician))
            .andExpect(status().isOk())
            .andExpect(content().string(
                    allOf(not(containsString("<html")), containsString("COS00217"), not(containsString("PRM00936")))));
        mvc.perform(get("/preparations").param("status", "bogus").with(technician))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(containsString("Unknown status")));
    }

    @Test
    void anUnknownPageIsA404() throws Exception {
        mvc.perform(get("/no/such/page").with(aTechnician()).accept("text/html")).andExpect(status().isNotFound());
    }

    @Test
    void everyPageHasAScanBox() throws Exception {
        RequestPostProcessor technician = aTechnician();
        String preparation = scan(technician, "F=PRM00936");

        for (String page : new String[] { preparation, "/preparations", "/formula-first?code=PRM00936" }) {
            mvc.perform(get(page).with(technician))
                .andExpect(content()
                    .string(allOf(containsString("class=\"form-control scan-input\""), startsWith("<!doctype html>"))));
        }
    }

}
