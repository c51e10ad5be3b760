package prepbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.jayway.jsonpath.JsonPath;

import prepbench.security.AccountManagement;
import prepbench.support.DemoLabels;
import prepbench.support.EnglishLeft;
import prepbench.support.TestBenches;

/**
 * Every page in Arabic, with no interface text left in English: each page the application
 * maps (read from its handler mappings, so a new page is walked without being listed), as
 * a lab lead and as an admin, with a completed preparation, a sample, a draft and an
 * account to show; the sign-in page in each of its states; the error pages; and the pages
 * a refused form answers with.
 */
@SpringBootTest(properties = "prepbench.test.context=no-english-left")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoEnglishLeftTest {

    private static final BigDecimal VESSEL = new BigDecimal("52.317");

    /** Not pages: data, images, streams, files and what only scripts call. */
    private static final List<String> NOT_PAGES = List.of("/api/", "/v3/", "/swagger-ui", "/label.", "/stream",
            "export", ".pdf", ".csv", "GET /session", "GET /error");

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    AccountManagement accounts;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private final Map<String, String> samples = new LinkedHashMap<>();

    private final RequestPostProcessor lead = user("lablead").roles("LAB_LEAD");

    private final RequestPostProcessor admin = user("admin").roles("ADMIN");

    @BeforeAll
    void somethingOnEveryPage() throws Exception {
        String bench = TestBenches.next();
        String id = JsonPath.read(
                json(post("/api/v1/preparations"), lead, "{\"formulaCode\":\"PRM00936\",\"bench\":\"" + bench + "\"}"),
                "$.id");
        BigDecimal onPan = VESSEL;
        json(put("/api/v1/benches/" + bench + "/simulator"), lead, "{\"grams\":" + VESSEL + ",\"settleMs\":0}");
        for (int sequence = 1; sequence <= 8; sequence++) {
            String preparation = mvc.perform(get("/api/v1/preparations/" + id).with(lead))
                .andReturn()
                .getResponse()
                .getContentAsString();
            String code = JsonPath.read(preparation, "$.steps[" + (sequence - 1) + "].requiredCodeValue");
            String target = JsonPath.read(preparation, "$.steps[" + (sequence - 1) + "].targetQtyG").toString();
            json(post("/api/v1/preparations/" + id + "/steps/" + sequence + "/scan"), lead,
                    "{\"code\":\"" + DemoLabels.PRM00936.get(code).replace("\"", "\\\"") + "\"}");
            mvc.perform(post("/api/v1/benches/" + bench + "/tare").with(lead)).andExpect(status().isOk());
            onPan = onPan.add(new BigDecimal(target));
            json(put("/api/v1/benches/" + bench + "/simulator"), lead,
                    "{\"grams\":" + onPan.toPlainString() + ",\"settleMs\":0}");
            mvc.perform(post("/api/v1/preparations/" + id + "/steps/" + sequence + "/capture").with(lead))
                .andExpect(status().isOk());
        }
        samples.put("id", id);
        samples.put("sequence", "1");
        samples.put("code", "PRM00936");
        samples.put("versionNo", "1");
        samples.put("bench", bench);
        samples.put("username", "technician");
        samples.put("sample",
                jdbc.sql("SELECT code FROM sample WHERE session_id = :id")
                    .param("id", java.util.UUID.fromString(id))
                    .query(String.class)
                    .single());
    }

    @Test
    void everyPageIsInArabic() throws Exception {
        Map<String, Set<String>> english = new TreeMap<>();
        List<String> walked = new ArrayList<>();
        for (String endpoint : Endpoints.all(mappings)) {
            if (!endpoint.startsWith("GET ") || NOT_PAGES.stream().anyMatch(endpoint::contains)) {
                continue;
            }
            for (RequestPostProcessor who : List.of(lead, admin)) {
                String path = endpoint.substring(4);
                Map<String, String> values = new LinkedHashMap<>(samples);
                if (path.startsWith("/samples/") || path.startsWith("/s/")) {
                    values.put("code", samples.get("sample"));
                }
                if (path.contains("/draft")) {
                    values.put("code", "PRM01300");
                }
                if (path.startsWith("/ingredients/")) {
                    values.put("code", "ETH-001");
                }
                read(Endpoints.request(endpoint, values).with(who), endpoint, english, walked);
            }
        }
        assertThat(walked).as("pages walked").hasSizeGreaterThan(20);
        assertThat(english).isEmpty();
    }

    @Test
    void theSignInPageInEachOfItsStatesIsInArabic() throws Exception {
        Map<String, Set<String>> english = new TreeMap<>();
        List<String> walked = new ArrayList<>();
        for (String state : List.of("", "?error", "?logout", "?ended", "?timeout", "?throttled")) {
            read(get("/login" + state).with(anonymous()), "/login" + state, english, walked);
        }
        assertThat(english).isEmpty();
    }

    @Test
    void errorPagesAndRefusedFormsAreInArabic() throws Exception {
        Map<String, Set<String>> english = new TreeMap<>();
        List<String> walked = new ArrayList<>();
        Map<String, MockHttpServletRequestBuilder> requests = new LinkedHashMap<>();
        requests.put("unknown address", get("/no-such-page").with(lead));
        requests.put("unknown formula", get("/formula-first").param("code", "PRM99999").with(lead));
        requests.put("not a formula code", get("/formula-first").param("code", "hello").with(lead));
        requests.put("not a preparation id", get("/preparations/not-an-id").with(lead));
        requests.put("unknown preparation", get("/preparations/00000000-0000-0000-0000-000000000000").with(lead));
        requests.put("unknown sample", get("/samples/PRM00936-999999").with(lead));
        requests.put("not allowed", get("/admin/users").with(user("viewer").roles("VIEWER")));
        requests.put("a draft cannot be prepared", get("/formula-first").param("code", "PRM01300").with(lead));
        requests.put("unreadable scan", post("/scan").param("raw", "\u0001").with(lead).with(csrf()));
        requests.put("empty ingredient", post("/ingredients").with(lead).with(csrf()));
        requests.put("empty formula", post("/formulas").with(lead).with(csrf()));
        requests.put("wrong password",
                post("/account/password").param("currentPassword", "wrong")
                    .param("newPassword", "short")
                    .param("repeatPassword", "other")
                    .with(lead)
                    .with(csrf()));
        requests.put("unknown history filter", get("/preparations").param("status", "nonsense").with(lead));
        for (var request : requests.entrySet()) {
            read(request.getValue(), request.getKey(), english, walked);
        }
        assertThat(english).isEmpty();
    }

    @Test
    void theSwitchKeepsTheChoiceOnTheAccountAndComesBackToThePage() throws Exception {
        accounts.create("admin", "switcher", "Switcher", "technician", "blue kettle morning 7");
        RequestPostProcessor switcher = user("switcher").roles("TECHNICIAN");
        MockHttpServletResponse answer = mvc.perform(
                post("/language").param("language", "ar").param("back", "/formulas?q=PRM").with(switcher).with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse();
        assertThat(answer.getRedirectedUrl()).isEqualTo("/formulas?q=PRM");
        assertThat(answer.getCookie("prepbench-language").getValue()).isEqualTo("ar");
        assertThat(accounts.language("switcher")).contains("ar");
        // the account's choice wins over the browser's, at any bench
        String page = mvc.perform(get("/").with(switcher).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(page).contains("<html lang=\"ar\" dir=\"rtl\"").contains("/css/bench.rtl-");
        // never back to another site
        assertThat(mvc.perform(
                post("/language").param("language", "en").param("back", "//evil.example/").with(switcher).with(csrf()))
            .andReturn()
            .getResponse()
            .getRedirectedUrl()).isEqualTo("/");
        assertThat(accounts.language("switcher")).contains("en");
        // before sign-in the browser keeps the choice; a language PrepBench does not
        // speak is English
        MockHttpServletResponse anonymousChoice = mvc
            .perform(post("/language").param("language", "fr").param("back", "/login").with(csrf()))
            .andReturn()
            .getResponse();
        assertThat(anonymousChoice.getCookie("prepbench-language").getValue()).isEqualTo("en");
        assertThat(mvc.perform(get("/login").header(HttpHeaders.ACCEPT_LANGUAGE, "ar-SA,ar;q=0.9"))
            .andReturn()
            .getResponse()
            .getContentAsString()).contains("<html lang=\"ar\" dir=\"rtl\"");
        assertThat(mvc.perform(get("/login").header(HttpHeaders.ACCEPT_LANGUAGE, "fr-FR,de;q=0.9"))
            .andReturn()
            .getResponse()
            .getContentAsString()).contains("<html lang=\"en\" dir=\"ltr\"");
    }

    @Test
    void problemsAnswerInTheLanguageAsked() throws Exception {
        String arabic = mvc
            .perform(get("/api/v1/formulas/PRM99999").with(lead).header(HttpHeaders.ACCEPT_LANGUAGE, "ar"))
            .andExpect(status().isNotFound())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(JsonPath.<String>read(arabic, "$.title")).isEqualTo("غير موجود");
        assertThat(JsonPath.<String>read(arabic, "$.detail")).containsPattern("\\p{IsArabic}");
        String english = mvc.perform(get("/api/v1/formulas/PRM99999").with(lead))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(JsonPath.<String>read(english, "$.title")).isEqualTo("Not Found");
        String invalid = mvc
            .perform(post("/api/v1/preparations").with(lead)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "ar")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"formulaCode\":\"\"}"))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(JsonPath.<String>read(invalid, "$.detail")).contains("formulaCode مطلوب");
    }

    private void read(MockHttpServletRequestBuilder request, String what, Map<String, Set<String>> english,
            List<String> walked) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.header(HttpHeaders.ACCEPT_LANGUAGE, "ar"))
            .andReturn()
            .getResponse();
        String type = response.getContentType();
        if (type == null || !type.startsWith("text/html")) {
            return;
        }
        String html = response.getContentAsString();
        walked.add(what);
        assertThat(html).as(what).contains("lang=\"ar\" dir=\"rtl\"");
        Set<String> left = EnglishLeft.in(html);
        if (!left.isEmpty()) {
            english.computeIfAbsent(what, key -> new java.util.LinkedHashSet<>()).addAll(left);
        }
    }

    private String json(MockHttpServletRequestBuilder request, RequestPostProcessor who, String body) throws Exception {
        MockHttpServletResponse response = mvc
            .perform(request.with(who).contentType(MediaType.APPLICATION_JSON).content(body))
            .andReturn()
            .getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isLessThan(300);
        return response.getContentAsString();
    }

}
