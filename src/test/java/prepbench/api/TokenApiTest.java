package prepbench.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import prepbench.support.Unlocked;

/**
 * API tokens for integrations: created by an admin and shown once, kept only as a hash,
 * used as {@code Authorization: Bearer}, limited to their role, every write on record
 * under the token's name, refused from the moment they are revoked. And HTTP Basic never
 * prompts a browser.
 */
@SpringBootTest(properties = "prepbench.test.database=api-tokens")
@AutoConfigureMockMvc
class TokenApiTest {

    @Autowired
    private MockMvc mvc;

    @Autowired
    private JdbcClient jdbc;

    private static RequestPostProcessor anAdmin() {
        return user("admin").roles("ADMIN");
    }

    private static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            return request;
        };
    }

    private String create(String name, String role) throws Exception {
        String body = mvc
            .perform(post("/api/v1/tokens").with(anAdmin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}"))
            .andExpect(status().isCreated())
            .andExpect(header().string("Cache-Control", "no-store"))
            .andExpect(jsonPath("$.name").value(name))
            .andExpect(jsonPath("$.role").value(role))
            .andExpect(jsonPath("$.token", startsWith("pbt_")))
            .andReturn()
            .getResponse()
            .getContentAsString();
        return JsonPath.read(body, "$.token");
    }

    private static String name() {
        return "int-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private List<String> actions(String name) {
        return jdbc.sql("SELECT action FROM audit_event WHERE chain = :chain ORDER BY seq")
            .param("chain", "token:" + name)
            .query(String.class)
            .list();
    }

    @Test
    void aTokenIsShownOnceAndKeptOnlyAsItsHash() throws Exception {
        String name = name();
        String token = create(name, "technician");

        String stored = jdbc.sql("SELECT token_hash FROM api_token WHERE name = :name")
            .param("name", name)
            .query(String.class)
            .single();
        assertThat(stored).isNotEqualTo(token)
            .isEqualTo(HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8))));
        mvc.perform(get("/api/v1/tokens").with(anAdmin()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[?(@.name == '" + name + "')].role").value("technician"))
            .andExpect(jsonPath("$[?(@.name == '" + name + "')].createdBy").value("admin"))
            .andExpect(content -> assertThat(content.getResponse().getContentAsString()).doesNotContain(token));
        assertThat(actions(name)).containsExactly("TOKEN_CREATED");
    }

    @Test
    void aTokenWorksWithItsRoleAndEveryWriteIsOnRecordUnderItsName() throws Exception {
        Unlocked.formulas(jdbc, "PRM01204");
        String name = name();
        String token = create(name, "technician");

        mvc.perform(get("/api/v1/formulas").with(bearer(token))).andExpect(status().isOk());
        String started = mvc
            .perform(post("/api/v1/preparations").with(bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"formulaCode\":\"PRM01204\"}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.operator").value("token:" + name))
            .andReturn()
            .getResponse()
            .getContentAsString();
        mvc.perform(post("/api/v1/formulas").with(bearer(token))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"code\":\"TOK-1\",\"name\":\"x\",\"batchAmount\":\"1\",\"batchUnit\":\"g\"}"))
            .andExpect(status().isForbidden());

        assertThat(actions(name)).containsExactly("TOKEN_CREATED", "TOKEN_USED", "TOKEN_USED");
        List<String> statuses = jdbc
            .sql("SELECT payload FROM audit_event WHERE chain = :chain AND action = " + "'TOKEN_USED' ORDER BY seq")
            .param("chain", "token:" + name)
            .query(String.class)
            .list();
        assertThat(statuses.get(0)).contains("\"method\":\"POST\"", "\"path\":\"/api/v1/preparations\"",
                "\"status\":201");
        assertThat(statuses.get(1)).contains("\"path\":\"/api/v1/formulas\"", "\"status\":403");
        String session = JsonPath.read(started, "$.id");
        assertThat(jdbc.sql("SELECT actor FROM audit_event WHERE session_id = :id AND action = 'SESSION_STARTED'")
            .param("id", UUID.fromString(session))
            .query(String.class)
            .single()).isEqualTo("token:" + name);
        assertThat(jdbc.sql("SELECT last_used_at FROM api_token WHERE name = :name")
            .param("name", name)
            .query(Object.class)
            .single()).isNotNull();
    }

    @Test
    void aRevokedTokenIsRefusedFromTheNextRequestOn() throws Exception {
        String name = name();
        String token = create(name, "lab_lead");
        mvc.perform(get("/api/v1/formulas").with(bearer(token))).andExpect(status().isOk());

        mvc.perform(delete("/api/v1/tokens/" + name).with(anAdmin())).andExpect(status().isNoContent());

        mvc.perform(get("/api/v1/formulas").with(bearer(token)))
            .andExpect(status().isUnauthorized())
            .andExpect(jsonPath("$.reason").value("INVALID_TOKEN"));
        mvc.perform(delete("/api/v1/tokens/" + name).with(anAdmin()))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.reason").value("TOKEN_REVOKED"));
        mvc.perform(get("/api/v1/tokens").with(anAdmin()))
            .andExpect(jsonPath("$[?(@.name == '" + name + "')].revokedBy").value("admin"));
        assertThat(actions(name)).containsExactly("TOKEN_CREATED", "TOKEN_REVOKED");
    }

    @Test
    void onlyAnAdminManagesTokensAndANameIsNeverUsedTwice() throws Exception {
        mvc.perform(post("/api/v1/tokens").with(user("lead").roles("LAB_LEAD"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"mine\",\"role\":\"admin\"}")).andExpect(status().isForbidden());
        String name = name();
        String token = create(name, "admin");
        mvc.perform(post("/api/v1/tokens").with(bearer(token))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"" + name + "\",\"role\":\"viewer\"}"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.reason").value("TOKEN_NAME_TAKEN"));
        mvc.perform(post("/api/v1/tokens").with(anAdmin())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"Has Spaces\",\"role\":\"viewer\"}"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.reason").value("INVALID_TOKEN_NAME"));
        mvc.perform(post("/api/v1/tokens").with(anAdmin())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"" + name() + "\",\"role\":\"owner\"}"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.reason").value("INVALID_ROLE"));
        mvc.perform(delete("/api/v1/tokens/no-such-token").with(anAdmin())).andExpect(status().isNotFound());
    }

    @Test
    void anUnknownTokenIsRefusedAndNeverTriedAsAPassword() throws Exception {
        mvc.perform(get("/api/v1/formulas").with(bearer("pbt_" + "A".repeat(43))))
            .andExpect(status().isUnauthorized())
            .andExpect(header().string("WWW-Authenticate", containsString("invalid_token")));
        mvc.perform(get("/api/v1/formulas").with(bearer("tech123"))).andExpect(status().isUnauthorized());
    }

    @Test
    void twoAdminsCreatingTheSameNameAtOnceMakeOneToken() throws Exception {
        String name = name();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<Integer> attempt = () -> mvc
                    .perform(post("/api/v1/tokens").with(anAdmin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\",\"role\":\"viewer\"}"))
                    .andReturn()
                    .getResponse()
                    .getStatus();
                answers.add(pool.submit(attempt));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnly(201, 422).filteredOn(code -> code == 201).hasSize(1);
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(actions(name)).containsExactly("TOKEN_CREATED");
    }

    @Test
    void httpBasicNeverPromptsABrowser() throws Exception {
        mvc.perform(get("/api/v1/formulas").header("Accept", "text/html,application/xhtml+xml")
            .header("Sec-Fetch-Mode", "navigate"))
            .andExpect(status().isUnauthorized())
            .andExpect(header().stringValues("WWW-Authenticate",
                    not(org.hamcrest.Matchers.hasItem(containsString("Basic")))));
        mvc.perform(get("/api/v1/formulas").with(httpBasic("technician", "wrong")).header("Accept", "text/html"))
            .andExpect(status().isUnauthorized())
            .andExpect(header().stringValues("WWW-Authenticate",
                    not(org.hamcrest.Matchers.hasItem(containsString("Basic")))));
        mvc.perform(get("/api/v1/formulas").header("Accept", "application/json"))
            .andExpect(status().isUnauthorized())
            .andExpect(
                    header().stringValues("WWW-Authenticate", org.hamcrest.Matchers.hasItem(containsString("Basic"))));
    }

}
