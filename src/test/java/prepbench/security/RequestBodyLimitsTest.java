package prepbench.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Bodies are bounded before anything reads them: a large form before sign-in, a JSON body
 * over 1 MB, and a file upload by someone who may not import are refused before the
 * security filters parse a parameter.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RequestBodyLimitsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aLargeFormBeforeSignInIsRefusedUnread() throws Exception {
        String large = "username=a&password=" + "x".repeat(70 * 1024);
        int status = mvc
            .perform(post("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(large.getBytes(StandardCharsets.UTF_8)))
            .andReturn()
            .getResponse()
            .getStatus();
        assertThat(status).isEqualTo(413);
        mvc.perform(post("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .with(csrf())
            .content("username=admin&password=admin123")).andExpect(status().isFound());
    }

    @Test
    void aJsonBodyOverOneMegabyteIsRefusedButAnImportMayBeLarger() throws Exception {
        String big = "{\"formulaCode\":\"PRM00936\",\"bench\":\"" + "b".repeat(1100 * 1024) + "\"}";
        mvc.perform(post("/api/v1/preparations").with(user("t").roles("TECHNICIAN"))
            .contentType(MediaType.APPLICATION_JSON)
            .content(big)).andExpect(status().is(413)).andExpect(jsonPath("$.detail", containsString("at most 1 MB")));
        mvc.perform(post("/api/v1/formulas/import").param("format", "json")
            .with(user("lablead").roles("LAB_LEAD"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"formulas\":[], \"pad\":\"" + " ".repeat(1100 * 1024) + "\"}"))
            .andExpect(result -> assertThat(result.getResponse().getStatus()).isNotEqualTo(413));
    }

    @Test
    void onlyLabLeadsAndAdminsHaveAFileUploadRead() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "formulas.csv", "text/csv",
                "formula_code\n".getBytes(StandardCharsets.UTF_8));
        assertThat(
                mvc.perform(multipart("/formulas/import").file(file).with(user("t").roles("TECHNICIAN")).with(csrf()))
                    .andReturn()
                    .getResponse()
                    .getStatus())
            .isEqualTo(403);
        assertThat(mvc
            .perform(multipart("/formulas/import").file(file).with(user("lablead").roles("LAB_LEAD")).with(csrf()))
            .andReturn()
            .getResponse()
            .getStatus()).isNotIn(403, 413);
    }

}
