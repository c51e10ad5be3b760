package prepbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

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
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.jayway.jsonpath.JsonPath;

import prepbench.security.AccountManagement;

/**
 * Who may call what, for every page and API endpoint the application maps (read from the
 * handler mappings, so a new endpoint cannot be forgotten: it fails this test until it
 * has a row in {@link #EXPECTED}), as anonymous, viewer, technician, lab_lead, admin and
 * a disabled account (over the API; and in the open page session of an admin disabled
 * after signing in, which every page sends to {@code /login?ended}). "Refused" is 401,
 * 403 or a redirect to sign in; "allowed" is any other answer (a 404 for a sample value,
 * a 422 for an empty body: the role got past the checks).
 */
@SpringBootTest(properties = "prepbench.test.context=role-matrix")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixTest {

    /** Who gets past the checks. */
    enum Access {

        /** anyone, signed in or not */
        PUBLIC(true, true, true, true, true),
        /** every signed-in role */
        SIGNED_IN(false, true, true, true, true),
        /** technicians, lab leads and admins: those who prepare */
        PREPARE(false, false, true, true, true),
        /** lab leads and admins: the catalogue, locks, diagnostics */
        LEAD(false, false, false, true, true),
        /** lab leads only: a formula release is their signature */
        LEAD_ONLY(false, false, false, true, false),
        /** admins: accounts, the actuator */
        ADMIN(false, false, false, false, true),
        /** nobody who signs in: a station's token only (issue 18) */
        STATION(false, false, false, false, false);

        private final boolean[] allowed;

        Access(boolean... allowed) {
            this.allowed = allowed;
        }

        boolean allows(int role) {
            return allowed[role];
        }

    }

    private static final List<String> ROLES = List.of("anonymous", "viewer", "technician", "lab_lead", "admin");

    /** Every mapping, as "METHOD pattern", and who may call it. */
    private static final Map<String, Access> EXPECTED = new TreeMap<>();

    static {
        expect(Access.PUBLIC, "GET /login", "GET /error", "POST /language");
        expect(Access.SIGNED_IN, "GET /", "GET /account", "GET /session", "POST /account/password", "GET /formulas",
                "GET /formulas/{code}", "GET /formulas/export", "GET /formulas/{code}/label.svg",
                "GET /formulas/{code}/label.png", "GET /ingredients", "GET /ingredients/{code}",
                "GET /ingredients/{code}/label.svg", "GET /ingredients/{code}/label.png", "GET /labels",
                "GET /preparations", "GET /preparations/{id}", "GET /preparations/{id}/record", "GET /s/{code}",
                "GET /samples", "GET /formula-first", "POST /scan", "GET /api/v1/formulas",
                "GET /api/v1/formulas/{code}", "GET /api/v1/formulas/{code}/versions", "GET /api/v1/formulas/export",
                "GET /api/v1/ingredients", "GET /api/v1/ingredients/{code}", "GET /api/v1/preparations",
                "GET /api/v1/preparations/{id}", "GET /api/v1/preparations/{id}/audit", "GET /api/v1/benches",
                "GET /api/v1/benches/{bench}/reading", "GET /api/v1/me", "POST /api/v1/me/password",
                "GET /api/v1/locks", "GET /api/v1/scan/resolve", "GET /benches/{bench}/stream", "POST /formula-first",
                "GET /preparations/export.csv", "GET /preparations/{id}/record.pdf",
                "GET /api/v1/preparations/{id}/record.pdf", "GET /v3/api-docs", "GET /v3/api-docs.yaml",
                "GET /v3/api-docs/swagger-config", "GET /swagger-ui.html", "GET /samples/{code}",
                "GET /samples/{code}/label.svg", "GET /samples/{code}/label.png", "GET /api/v1/samples/{code}",
                "GET /api/v1/samples/due", "GET /api/v1/formulas/{code}/tests", "GET /api/v1/sync");
        expect(Access.STATION, "POST /api/v1/central/events", "GET /api/v1/central/reference");
        expect(Access.LEAD, "POST /samples/{code}/tests/{test}/result",
                "POST /api/v1/samples/{code}/tests/{test}/result", "POST /formulas/{code}/tests",
                "POST /formulas/{code}/tests/{test}/remove", "POST /api/v1/formulas/{code}/tests",
                "DELETE /api/v1/formulas/{code}/tests/{test}");
        expect(Access.PREPARE, "POST /preparations/{id}/steps/{sequence}/scan",
                "POST /preparations/{id}/steps/{sequence}/capture", "POST /preparations/{id}/abort",
                "POST /preparations/{id}/tare", "POST /preparations/{id}/zero", "POST /preparations/{id}/simulate",
                "POST /preparations/{id}/steps/{sequence}/lot", "POST /api/v1/preparations/{id}/steps/{sequence}/lot",
                "POST /api/v1/preparations", "POST /api/v1/preparations/{id}/steps/{sequence}/scan",
                "POST /api/v1/preparations/{id}/steps/{sequence}/capture", "POST /api/v1/preparations/{id}/abort",
                "POST /api/v1/benches/{bench}/zero", "POST /api/v1/benches/{bench}/tare",
                "PUT /api/v1/benches/{bench}/simulator");
        expect(Access.LEAD, "POST /preparations/{id}/steps/{sequence}/manual",
                "POST /api/v1/preparations/{id}/steps/{sequence}/manual");
        expect(Access.LEAD_ONLY, "POST /formulas/{code}/versions/{versionNo}/release",
                "POST /api/v1/formulas/{code}/versions/{versionNo}/release");
        expect(Access.LEAD, "POST /formulas/{code}/draft/save", "POST /ingredients/{code}/aliases/confirm",
                "POST /ingredients/{code}/aliases/remove", "POST /api/v1/ingredients/{code}/aliases/confirm",
                "POST /api/v1/ingredients/{code}/aliases/remove", "GET /diagnostics", "GET /api/v1/diagnostics",
                "POST /formulas/{code}/release-lock", "POST /api/v1/formulas/{code}/release-lock", "GET /formulas/new",
                "POST /formulas", "GET /formulas/{code}/draft", "POST /formulas/{code}/draft",
                "POST /formulas/{code}/draft/discard", "POST /formulas/{code}/versions/{versionNo}/retire",
                "GET /formulas/import", "POST /formulas/import", "GET /ingredients/new", "POST /ingredients",
                "POST /ingredients/{code}", "POST /api/v1/formulas", "POST /api/v1/formulas/{code}/draft",
                "PUT /api/v1/formulas/{code}/draft", "DELETE /api/v1/formulas/{code}/draft",
                "POST /api/v1/formulas/{code}/versions/{versionNo}/retire", "POST /api/v1/formulas/import",
                "POST /api/v1/ingredients", "PUT /api/v1/ingredients/{code}");
        expect(Access.LEAD, "GET /audit", "GET /audit/export.csv", "POST /audit/verification",
                "POST /audit/checkpoints", "POST /audit/alerts/{id}/acknowledge", "GET /api/v1/audit/verification",
                "POST /api/v1/audit/checkpoints", "GET /api/v1/audit/events");
        expect(Access.ADMIN, "GET /admin/users", "POST /admin/users", "GET /admin/users/{username}",
                "POST /admin/users/{username}/{action}", "GET /api/v1/users", "POST /api/v1/users",
                "GET /api/v1/users/{username}", "POST /api/v1/users/{username}/disable",
                "POST /api/v1/users/{username}/enable", "POST /api/v1/users/{username}/unlock",
                "POST /api/v1/users/{username}/reset-password", "PUT /api/v1/users/{username}/role",
                "GET /admin/tokens", "POST /admin/tokens", "GET /admin/stations", "POST /admin/stations",
                "POST /admin/stations/{name}/accounts", "POST /admin/stations/{name}/revoke",
                "POST /admin/tokens/{name}/revoke", "GET /api/v1/tokens", "POST /api/v1/tokens",
                "DELETE /api/v1/tokens/{name}", "GET /api/v1/tokens/{name}/audit", "GET /api/v1/stations",
                "POST /api/v1/stations", "PUT /api/v1/stations/{name}/accounts", "DELETE /api/v1/stations/{name}");
    }

    private static void expect(Access access, String... endpoints) {
        for (String endpoint : endpoints) {
            EXPECTED.put(endpoint, access);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    AccountManagement accounts;

    private final Map<String, String> samples = new LinkedHashMap<>();

    @BeforeAll
    void sampleValues() throws Exception {
        String body = mvc
            .perform(MockMvcRequestBuilders.post("/api/v1/preparations")
                .with(user("lablead").roles("LAB_LEAD"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"formulaCode\":\"PRM00936\"}"))
            .andReturn()
            .getResponse()
            .getContentAsString();
        samples.put("id", JsonPath.read(body, "$.id"));
        samples.put("sequence", "1");
        samples.put("code", "PRM00936");
        samples.put("versionNo", "1");
        samples.put("bench", "bench-1");
        samples.put("action", "unlock");
        accounts.create("admin", "matrix.target", "Matrix Target", "viewer", "matrix target password");
        samples.put("username", "matrix.target");
        samples.put("name", "matrix-token");
        samples.put("test", "00000000-0000-0000-0000-000000000000");
        accounts.create("admin", "matrix.disabled", "Matrix Disabled", "admin", "matrix disabled password");
        accounts.changeOwnPassword("matrix.disabled", "matrix disabled password", DISABLED_PASSWORD, null);
        disabledSession = (MockHttpSession) mvc
            .perform(SecurityMockMvcRequestBuilders.formLogin().user("matrix.disabled").password(DISABLED_PASSWORD))
            .andReturn()
            .getRequest()
            .getSession(false);
        accounts.disable("admin", "matrix.disabled");
    }

    private static final String DISABLED_PASSWORD = "was an admin until today";

    /** The page session of an admin whose account was disabled after signing in. */
    private MockHttpSession disabledSession;

    private Set<String> endpoints() {
        return Endpoints.all(mappings);
    }

    @Test
    void everyEndpointHasARowAndEveryRowAnEndpoint() {
        assertThat(endpoints()).as("endpoints without a row in EXPECTED").isSubsetOf(EXPECTED.keySet());
        assertThat(EXPECTED.keySet()).as("rows without an endpoint").isSubsetOf(endpoints());
    }

    @Test
    void everyRoleGetsPastTheChecksExactlyWhereTheTableSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        boolean endedSeen = false;
        for (String endpoint : endpoints()) {
            Access access = EXPECTED.get(endpoint);
            if (access == null) {
                continue;
            }
            for (int role = 0; role < ROLES.size(); role++) {
                MockHttpServletResponse response = call(endpoint, who(role));
                boolean refused = refused(response);
                if (refused == access.allows(role)) {
                    wrong.add(endpoint + " as " + ROLES.get(role) + ": " + response.getStatus() + " "
                            + response.getRedirectedUrl() + " (expected "
                            + (access.allows(role) ? "allowed" : "refused") + ")");
                }
            }
            if (endpoint.contains("/api/") && access != Access.PUBLIC) {
                MockHttpServletResponse disabled = call(endpoint, httpBasic("matrix.disabled", DISABLED_PASSWORD));
                if (disabled.getStatus() != 401) {
                    wrong.add(endpoint + " as a disabled admin: " + disabled.getStatus() + " (expected 401)");
                }
            }
            else if (access != Access.PUBLIC) {
                MockHttpServletResponse ended = call(endpoint, request -> {
                    request.setSession(disabledSession);
                    return request;
                });
                // the first request of the ended session says why; the session is gone
                // after it
                String expected = endedSeen ? "/login" : "/login?ended";
                endedSeen = true;
                if (!expected.equals(ended.getRedirectedUrl())) {
                    wrong.add(endpoint + " in the open page of a disabled admin: " + ended.getStatus() + " "
                            + ended.getRedirectedUrl() + " (expected " + expected + ")");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static RequestPostProcessor who(int role) {
        return switch (role) {
            case 0 -> anonymous();
            case 1 -> user("matrix-viewer").roles("VIEWER");
            case 2 -> user("matrix-technician").roles("TECHNICIAN");
            case 3 -> user("lablead").roles("LAB_LEAD");
            default -> user("admin").roles("ADMIN");
        };
    }

    private MockHttpServletResponse call(String endpoint, RequestPostProcessor who) throws Exception {
        MockHttpServletRequestBuilder request = Endpoints.request(endpoint, samples).with(who).with(csrf());
        if (endpoint.contains(" /api/") && !endpoint.startsWith("GET")) {
            request.contentType(MediaType.APPLICATION_JSON).content("{}");
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private static boolean refused(MockHttpServletResponse response) {
        String location = response.getRedirectedUrl();
        return response.getStatus() == 401 || response.getStatus() == 403
                || (location != null && location.contains("/login"));
    }

}
