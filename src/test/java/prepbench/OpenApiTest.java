package prepbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI description covers the whole JSON API: every endpoint the application maps
 * under {@code /api/} is in it, with a summary and the problems it can answer (RFC 9457),
 * each with an example. A new endpoint without a description fails here. Signed-in users
 * read it and Swagger UI; scripts read it with their credentials.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OpenApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JsonMapper json;

    private JsonNode paths;

    @BeforeEach
    void readTheDescription() throws Exception {
        String body = mvc.perform(get("/v3/api-docs").with(user("technician").roles("TECHNICIAN")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        paths = json.readTree(body).get("paths");
    }

    @Test
    void everyApiEndpointIsDescribedWithItsProblemsAndExamples() {
        List<String> endpoints = Endpoints.all(mappings)
            .stream()
            .filter(endpoint -> endpoint.contains(" /api/"))
            .toList();
        assertThat(endpoints).as("the API's endpoints").hasSizeGreaterThan(50);
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' ')).toLowerCase(Locale.ROOT);
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            JsonNode operation = paths.path(path).path(method);
            assertThat(operation.isMissingNode()).as("%s is described", endpoint).isFalse();
            assertThat(operation.path("summary").asString("")).as("%s has a summary", endpoint).isNotBlank();
            JsonNode responses = operation.path("responses");
            Set<String> problems = Set.of("400", "401", "403");
            for (String status : problems) {
                JsonNode problem = responses.path(status).path("content").path("application/problem+json");
                assertThat(problem.isMissingNode()).as("%s answers %s as a problem", endpoint, status).isFalse();
                assertThat(problem.path("example").path("detail").asString(""))
                    .as("%s has an example of its %s", endpoint, status)
                    .isNotBlank();
            }
            if (path.contains("{")) {
                assertThat(responses.has("404")).as("%s answers 404", endpoint).isTrue();
            }
            if (!method.equals("get")) {
                assertThat(responses.path("422")
                    .path("content")
                    .path("application/problem+json")
                    .path("example")
                    .path("reason")
                    .asString("")).as("%s has an example of a refusal's reason", endpoint).isNotBlank();
            }
        }
    }

    @Test
    void theSignedInCallerIsNotAParameterAndBothWaysToSignInAreDescribed() {
        JsonNode start = paths.path("/api/v1/preparations").path("post");
        assertThat(start.path("parameters").findValuesAsString("name")).doesNotContain("operator", "actor");
        assertThat(paths.path("/api/v1/preparations").path("get").path("parameters").findValuesAsString("name"))
            .contains("lot", "ingredient", "after", "limit");
    }

    @Test
    void signedInUsersReadItAndSwaggerUiScriptsWithTheirCredentialsAndNobodyElse() throws Exception {
        mvc.perform(get("/swagger-ui/index.html").with(user("viewer").roles("VIEWER"))).andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs").with(httpBasic("technician", "tech123"))).andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs").with(httpBasic("technician", "wrong"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/v3/api-docs")).andExpect(status().is3xxRedirection());
    }

}
