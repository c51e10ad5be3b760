package prepbench.ui;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * A demo station says so: the band on every page, the sign-in and error pages included,
 * and DEMO on the record.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DemoStationTest {

    private static final String BAND = "Demo: simulated balances, public passwords.";

    @Autowired
    MockMvc mvc;

    @Test
    void everyPageCarriesTheDemoBandAndTheRecordSaysDemo() throws Exception {
        mvc.perform(get("/login")).andExpect(content().string(containsString(BAND)));
        mvc.perform(get("/").with(user("technician").roles("TECHNICIAN")))
            .andExpect(content().string(containsString(BAND)));
        mvc.perform(get("/formulas/NOPE").with(user("technician").roles("TECHNICIAN")))
            .andExpect(status().isNotFound())
            .andExpect(content().string(containsString(BAND)));

        String body = mvc
            .perform(post("/api/v1/preparations").with(user("demo-record").roles("TECHNICIAN"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"formulaCode\":\"COS00217\"}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
        String id = JsonPath.read(body, "$.id");
        mvc.perform(get("/preparations/" + id + "/record").with(user("demo-record").roles("TECHNICIAN")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("data-testid=\"demo-record\">DEMO: not a batch record")));
    }

}
