package prepbench.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

/** The ingredient and formula version API, and aliases learned at the bench. */
@SpringBootTest
@AutoConfigureMockMvc
class CatalogApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private static RequestPostProcessor labLead() {
        return user("lablead").roles("LAB_LEAD");
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private ResultActions json(MockHttpServletRequestBuilder request, RequestPostProcessor who, String body)
            throws Exception {
        return mvc.perform(request.with(who).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static String ingredient(String code, String primary, String density) {
        return """
                {"code":"%s","name":"Api ingredient","casNumber":"7732-18-5","primaryCodeValue":"%s",
                 "alternativeCodeValues":[],"allowedSymbologies":"","parser":"plain","density":"%s","active":true}
                """.formatted(code, primary, density);
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
    void ingredientsAreCreatedAndEditedWithTheirRevision() throws Exception {
        String code = unique("API");
        json(post("/api/v1/ingredients"), labLead(), ingredient(code, "P-" + code, "1.0"))
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", "/api/v1/ingredients/" + code))
            .andExpect(jsonPath("$.revision").value(1));

        String edit = ingredient(code, "P-" + code, "1.1").replace("\"active\":true", "\"active\":true,\"revision\":1");
        json(put("/api/v1/ingredients/" + code), user("admin").roles("ADMIN"), edit).andExpect(status().isOk())
            .andExpect(jsonPath("$.densityGPerMl").value(1.1))
            .andExpect(jsonPath("$.revision").value(2));
        json(put("/api/v1/ingredients/" + code), labLead(), edit).andExpect(status().isConflict())
            .andExpect(jsonPath("$.reason").value("CHANGED_MEANWHILE"))
            .andExpect(jsonPath("$.detail").value(containsString("admin")));
        mvc.perform(get("/api/v1/ingredients/" + code.toLowerCase()).with(user("v").roles("VIEWER")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.updatedBy").value("admin"));
    }

    @Test
    void aBadIngredientIsRefusedWithEveryFieldNamed() throws Exception {
        int before = jdbc.sql("SELECT COUNT(*) FROM ingredient").query(Integer.class).single();
        json(post("/api/v1/ingredients"), labLead(), ingredient("", "", "0").replace("7732-18-5", "7732-18-4"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors.code").exists())
            .andExpect(jsonPath("$.errors.casNumber").value(containsString("check digit")))
            .andExpect(jsonPath("$.errors.primaryCodeValue").exists())
            .andExpect(jsonPath("$.errors.density").value(containsString("greater than zero")));
        json(post("/api/v1/ingredients"), user("v").roles("VIEWER"), ingredient(unique("V"), unique("V"), "1"))
            .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/ingredients").with(labLead())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{not json")).andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ingredient").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void aFormulaGoesFromDraftToReleasedThroughTheApi() throws Exception {
        String code = unique("APIF");
        json(post("/api/v1/formulas"), labLead(),
                "{\"code\":\"" + code + "\",\"name\":\"Api formula\",\"batchAmount\":\"50\",\"batchUnit\":\"g\"}")
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.status").value("draft"));
        json(put("/api/v1/formulas/" + code + "/draft"), labLead(), """
                {"name":"Api formula","batchAmount":"50","batchUnit":"g","amountsAs":"fraction","revision":1,
                 "lines":[{"ingredientCode":"ETH-001","amount":"0.9","toleranceMinus":"0.2","toleranceUnit":"g"},
                          {"ingredientCode":"WAT-001","amount":"0.1"}]}
                """).andExpect(status().isOk())
            .andExpect(jsonPath("$.fractionSum").value(1))
            .andExpect(jsonPath("$.lines[0].toleranceMinusG").value(0.2))
            .andExpect(jsonPath("$.lines[0].tolerancePlusG").value(0.2));
        json(post("/api/v1/formulas/" + code + "/versions/1/release"), labLead(),
                "{\"revision\":2,\"password\":\"lablead123\",\"meaning\":\"something else\"}")
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.reason").value("MEANING_REQUIRED"));
        // an admin edits the catalogue but signs no release: refused by the permission
        // table, typed
        json(post("/api/v1/formulas/" + code + "/versions/1/release"), user("admin").roles("ADMIN"),
                "{\"revision\":2,\"password\":\"admin123\",\"meaning\":\"approved for preparation\"}")
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.reason").value("NOT_PERMITTED"))
            .andExpect(jsonPath("$.permission").value("SIGN_RELEASE"))
            .andExpect(jsonPath("$.detail").value(containsString("Ask a lab lead")));
        json(post("/api/v1/formulas/" + code + "/versions/1/release"), labLead(),
                "{\"revision\":2,\"password\":\"lablead123\",\"meaning\":\"approved for preparation\"}")
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("released"));

        json(post("/api/v1/preparations"), user("t-" + code).roles("TECHNICIAN"), "{\"formulaCode\":\"" + code + "\"}")
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.formulaVersionId").isNotEmpty());
        json(post("/api/v1/formulas/" + code + "/versions/1/retire"), labLead(), "{\"reason\":\"replaced\"}")
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("retired"));
        json(post("/api/v1/preparations"), user("t2-" + code).roles("TECHNICIAN"), "{\"formulaCode\":\"" + code + "\"}")
            .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/formulas/" + code + "/versions").with(labLead()))
            .andExpect(jsonPath("$[0].retiredReason").value("replaced"));
        mvc.perform(delete("/api/v1/formulas/" + code + "/draft").param("revision", "1").with(labLead()))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.reason").value("NO_DRAFT"));
    }

    @Test
    void anUnknownContainerCodeScannedAtTheBenchIsLearnedAndAcceptedOnceConfirmed() throws Exception {
        RequestPostProcessor technician = user("alias-" + UUID.randomUUID()).roles("TECHNICIAN");
        String label = unique("HTTPS://LABELS.EXAMPLE/NEW;");
        String first = start(technician);
        json(post("/api/v1/preparations/" + first + "/steps/1/scan"), technician, "{\"code\":\"" + label + "\"}")
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.reason").value("WRONG_INGREDIENT"));
        json(post("/api/v1/preparations/" + first + "/steps/1/scan"), technician, "{\"code\":\"ING-LIM-001\"}")
            .andExpect(status().isUnprocessableContent());

        String aliases = mvc.perform(get("/api/v1/ingredients/ETH-001").with(labLead()))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(JsonPath.<java.util.List<String>>read(aliases, "$.aliases[*].codeValue")).contains(label)
            .doesNotContain("ING-LIM-001");
        assertThat(JsonPath.<java.util.List<Boolean>>read(aliases,
                "$.aliases[?(@.codeValue == '" + label + "')].confirmed"))
            .containsExactly(false);

        json(post("/api/v1/ingredients/ETH-001/aliases/confirm"), technician, "{\"codeValue\":\"" + label + "\"}")
            .andExpect(status().isForbidden());
        json(post("/api/v1/ingredients/ETH-001/aliases/confirm"), labLead(),
                "{\"codeValue\":\"" + label.toLowerCase() + "\"}")
            .andExpect(status().isOk());
        json(post("/api/v1/preparations/" + first + "/abort"), technician, "{\"reason\":\"new label learned\"}")
            .andExpect(status().isOk());

        String second = start(technician);
        json(post("/api/v1/preparations/" + second + "/steps/1/scan"), technician, "{\"code\":\"" + label + "\"}")
            .andExpect(status().isOk());
        json(post("/api/v1/ingredients/ETH-001/aliases/remove"), labLead(), "{\"codeValue\":\"" + label + "\"}")
            .andExpect(status().isOk());
    }

    private String start(RequestPostProcessor technician) throws Exception {
        String body = json(post("/api/v1/preparations"), technician, "{\"formulaCode\":\"PRM00936\"}")
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

}
