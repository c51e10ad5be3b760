package prepbench.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import prepbench.support.TestBenches;

/**
 * Hostile request bodies (huge exponents, too many digits, deep nesting, long strings,
 * wrong types), seeded and random, sent to the endpoints that take numbers and text, as
 * every role and anonymous: never a 5xx, never an {@code OutOfMemoryError}, every refusal
 * a ProblemDetail; an out-of-bounds number is refused before anything reads it, and the
 * bench keeps reading afterwards.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HostileBodiesTest {

    private static final List<String> NUMBERS = List.of("1e999999999", "-1e999999999", "1e-999999999",
            "\"1e999999999\"", "1234567890123456", "0.1234567", "1e16", "-0", "0", "78.25", "\"78,25\"", "\"\"", "true",
            "null", "{}", "[]", "\"x\"", "9".repeat(999), "1" + "0".repeat(998), "0." + "0".repeat(990) + "1", "NaN",
            "Infinity");

    private static final List<Function<String, String>> BODIES = List.of(n -> "{\"grams\":" + n + ",\"reason\":\"x\"}",
            n -> "{\"grams\":" + n + ",\"settleMs\":" + n + ",\"noiseG\":" + n + "}",
            n -> "{\"grams\":" + n + ",\"reason\":\"" + "r".repeat(100_000) + "\"}",
            n -> "[".repeat(5000) + n + "]".repeat(5000), n -> "{\"code\":" + n + "}",
            n -> "{\"formulaCode\":" + n + ",\"bench\":" + n + ",\"amount\":" + n + "}",
            n -> "{\"password\":" + n + ",\"reason\":" + n + "}",
            n -> "{\"revision\":" + n + ",\"lines\":[{\"ingredientCode\":\"ETH-001\",\"amount\":" + n + "}]}");

    @Autowired
    MockMvc mvc;

    private static final String BENCH = TestBenches.next();

    private String preparation;

    @BeforeEach
    void startAPreparation() throws Exception {
        String body = mvc
            .perform(post("/api/v1/preparations").with(user("lablead").roles("LAB_LEAD"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"formulaCode\":\"PRM01204\",\"bench\":\"" + BENCH + "\"}"))
            .andReturn()
            .getResponse()
            .getContentAsString();
        preparation = JsonPath.read(body, "$.id");
    }

    private List<Function<String, MockHttpServletRequestBuilder>> endpoints() {
        return List.of(path -> post("/api/v1/preparations/" + preparation + "/steps/1/manual"),
                path -> post("/api/v1/preparations/00000000-0000-0000-0000-000000000000/steps/1/manual"),
                path -> put("/api/v1/benches/" + BENCH + "/simulator"),
                path -> post("/api/v1/preparations/" + preparation + "/steps/1/scan"),
                path -> post("/api/v1/preparations/" + preparation + "/abort"), path -> post("/api/v1/preparations"),
                path -> post("/api/v1/formulas/PRM00936/release-lock"), path -> put("/api/v1/formulas/PRM01300/draft"));
    }

    private static final List<RequestPostProcessor> WHO = List.of(anonymous(), user("v").roles("VIEWER"),
            user("t").roles("TECHNICIAN"), user("lablead").roles("LAB_LEAD"), user("admin").roles("ADMIN"));

    static Stream<Integer> seeds() {
        return IntStream.range(0, 120).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aHostileBodyIsNeverA5xxAndEveryRefusalIsAProblem(int seed) throws Exception {
        Random random = new Random(seed);
        String number = NUMBERS.get(random.nextInt(NUMBERS.size()));
        String body = BODIES.get(random.nextInt(BODIES.size())).apply(number);
        var endpoints = endpoints();
        MockHttpServletRequestBuilder request = endpoints.get(random.nextInt(endpoints.size())).apply("");
        RequestPostProcessor who = WHO.get(random.nextInt(WHO.size()));

        MockHttpServletResponse response = mvc
            .perform(request.with(who).contentType(MediaType.APPLICATION_JSON).content(body))
            .andReturn()
            .getResponse();

        assertThat(response.getStatus()).as("%s %s", request, body.length() > 200 ? body.substring(0, 200) : body)
            .isLessThan(500);
        if (response.getStatus() >= 400) {
            assertThat(response.getContentType()).isEqualTo("application/problem+json");
            assertThat(response.getContentAsString()).contains("\"detail\"");
        }
    }

    @Test
    void aHugeExponentIsRefusedAtTheEdgeWhateverTheRoleAndTheBenchKeepsReading() throws Exception {
        for (int role = 1; role < WHO.size(); role++) {
            for (String grams : List.of("1e999999999", "1e-999999999", "\"-1e999999999\"")) {
                var answer = mvc
                    .perform(post("/api/v1/preparations/" + preparation + "/steps/1/manual").with(WHO.get(role))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"grams\":" + grams + ",\"reason\":\"x\"}"));
                if (role < 3) {
                    answer.andExpect(status().isForbidden());
                }
                else {
                    answer.andExpect(status().isBadRequest())
                        .andExpect(jsonPath("$.detail", containsString("at most 15 digits before the decimal point")));
                }
            }
        }
        mvc.perform(put("/api/v1/benches/" + BENCH + "/simulator").with(user("t").roles("TECHNICIAN"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"grams\":1e-999999999}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail", containsString("grams: ")));
        mvc.perform(put("/api/v1/benches/" + BENCH + "/simulator").with(user("t").roles("TECHNICIAN"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"grams\":12.5,\"settleMs\":0}")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/benches/" + BENCH + "/reading").with(user("t").roles("TECHNICIAN")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.grams").value(12.5));
    }

}
