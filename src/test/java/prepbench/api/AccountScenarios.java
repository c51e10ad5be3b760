package prepbench.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import prepbench.audit.AuditEvent;
import prepbench.audit.AuditTrail;
import prepbench.security.AccountManagement;
import prepbench.support.MovableClock;

/**
 * Accounts through the API with real HTTP Basic sign-ins, run on each database by a
 * subclass: an admin creates, disables, enables, changes the role of, resets and unlocks
 * accounts; a temporary password must be changed before anything else; the password
 * policy; five wrong passwords (sign-ins and signatures alike) lock an account for 15
 * minutes, tested past that period on a movable clock; every event audited in the
 * account's intact chain.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Configuration.class)
abstract class AccountScenarios {

    private static final String GOOD = "correct horse battery";

    private static final String BETTER = "staple orange lantern";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountManagement accounts;

    @Autowired
    AuditTrail audit;

    @Autowired
    MovableClock clock;

    private final RequestPostProcessor admin = httpBasic("admin", "admin123");

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private ResultActions json(MockHttpServletRequestBuilder request, RequestPostProcessor who, String body)
            throws Exception {
        return mvc.perform(request.with(who).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private String created(String role) throws Exception {
        String username = unique("p.");
        json(post("/api/v1/users"), admin,
                "{\"username\":\"" + username + "\",\"fullName\":\"Pat Example\"," + "\"role\":\"" + role
                        + "\",\"password\":\"" + GOOD + "\"}")
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.passwordChangeRequired").value(true))
            .andExpect(jsonPath("$.role").value(role));
        return username;
    }

    private String ready(String role) throws Exception {
        String username = created(role);
        json(post("/api/v1/me/password"), httpBasic(username, GOOD),
                "{\"currentPassword\":\"" + GOOD + "\",\"newPassword\":\"" + BETTER + "\"}")
            .andExpect(status().isNoContent());
        return username;
    }

    private List<String> actions(String username) {
        assertThat(audit.verifyAccount(username).intact()).isTrue();
        return audit.forAccount(username).stream().map(AuditEvent::action).toList();
    }

    @Test
    void aNewAccountsTemporaryPasswordMustBeChangedBeforeAnythingElse() throws Exception {
        String username = created("technician");
        RequestPostProcessor temporary = httpBasic(username, GOOD);

        mvc.perform(get("/api/v1/formulas").with(temporary))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.reason").value("PASSWORD_CHANGE_REQUIRED"))
            .andExpect(jsonPath("$.detail", containsString("POST /api/v1/me/password")));
        mvc.perform(get("/api/v1/me").with(temporary))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.fullName").value("Pat Example"));
        json(post("/api/v1/me/password"), temporary, "{\"currentPassword\":\"" + GOOD + "\",\"newPassword\":\"short\"}")
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.reason").value("WEAK_PASSWORD"))
            .andExpect(jsonPath("$.detail", containsString("at least 12 characters")));
        json(post("/api/v1/me/password"), temporary,
                "{\"currentPassword\":\"" + GOOD + "\",\"newPassword\":" + "\"1q2w3e4r5t6y\"}")
            .andExpect(jsonPath("$.detail", containsString("most common")));
        json(post("/api/v1/me/password"), temporary,
                "{\"currentPassword\":\"" + GOOD + "\",\"newPassword\":\"" + username + "-2026!\"}")
            .andExpect(jsonPath("$.detail", containsString("username")));
        json(post("/api/v1/me/password"), temporary,
                "{\"currentPassword\":\"" + GOOD + "\",\"newPassword\":\"" + BETTER + "\"}")
            .andExpect(status().isNoContent());

        mvc.perform(get("/api/v1/formulas").with(httpBasic(username, BETTER))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/formulas").with(temporary)).andExpect(status().isUnauthorized());
        assertThat(actions(username)).containsExactly("ACCOUNT_CREATED", "PASSWORD_CHANGED", "SIGN_IN_FAILED");
        assertThat(audit.forAccount(username))
            .allSatisfy(event -> assertThat(event.payload()).doesNotContain(GOOD).doesNotContain(BETTER));
    }

    @Test
    void fiveWrongPasswordsLockForFifteenMinutesSignaturesIncludedAndAnAdminCanUnlock() throws Exception {
        String username = ready("lab_lead");
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic(username, "wrong " + i))).andExpect(status().isUnauthorized());
        }
        assertThat(accounts.verifyPassword(username, "wrong signature", null, "signature")).isFalse();
        mvc.perform(get("/api/v1/me").with(httpBasic(username, BETTER)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.failedAttempts").value(0));

        for (int i = 0; i < 4; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic(username, "wrong " + i))).andExpect(status().isUnauthorized());
        }
        assertThat(accounts.verifyPassword(username, "wrong signature", null, "signature")).isFalse();

        mvc.perform(get("/api/v1/me").with(httpBasic(username, BETTER)))
            .andExpect(status().isUnauthorized())
            .andExpect(jsonPath("$.detail", containsString("locked")));
        mvc.perform(get("/api/v1/me").with(httpBasic("nobody-" + username, BETTER)))
            .andExpect(status().isUnauthorized())
            .andExpect(jsonPath("$.detail", containsString("locked")));
        assertThat(accounts.verifyPassword(username, BETTER, null, "signature")).as("a locked account never signs")
            .isFalse();
        clock.advance(Duration.ofMinutes(14));
        mvc.perform(get("/api/v1/me").with(httpBasic(username, BETTER))).andExpect(status().isUnauthorized());
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        mvc.perform(get("/api/v1/me").with(httpBasic(username, BETTER))).andExpect(status().isOk());

        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic(username, "again " + i))).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/me").with(httpBasic(username, BETTER))).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/users/" + username + "/unlock").with(admin))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.locked").value(false));
        mvc.perform(get("/api/v1/me").with(httpBasic(username, BETTER))).andExpect(status().isOk());

        List<String> actions = actions(username);
        assertThat(actions).containsSubsequence("SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED",
                "SIGN_IN_FAILED", "ACCOUNT_LOCKED", "SIGN_IN_REFUSED", "ACCOUNT_LOCKED", "SIGN_IN_REFUSED",
                "ACCOUNT_UNLOCKED");
        assertThat(actions.stream().filter("ACCOUNT_LOCKED"::equals)).hasSize(2);
    }

    @Test
    void aFloodOfWrongPasswordsFromOneClientIsRefusedBeforeAnyPasswordIsChecked() throws Exception {
        String flooder = "10.9." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
        RequestPostProcessor fromFlooder = request -> {
            request.setRemoteAddr(flooder);
            return request;
        };
        for (int i = 0; i < 30; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic("nobody-" + i, "guess " + i)).with(fromFlooder))
                .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/me").with(admin).with(fromFlooder))
            .andExpect(status().isTooManyRequests())
            .andExpect(jsonPath("$.reason").value("TOO_MANY_FAILURES"))
            .andExpect(jsonPath("$.detail", containsString("wait a minute")));
        mvc.perform(post("/login").param("username", "admin")
            .param("password", "admin123")
            .with(fromFlooder)
            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                .redirectedUrl("/login?throttled"));
        mvc.perform(get("/api/v1/me").with(admin)).andExpect(status().isOk());
    }

    @Test
    void anAdminDisablesEnablesChangesRolesAndResetsPasswordsButNeverTheirOwn() throws Exception {
        String username = ready("technician");
        RequestPostProcessor person = httpBasic(username, BETTER);
        json(post("/api/v1/preparations"), person, "{\"formulaCode\":\"COS00217\"}").andExpect(status().isCreated());

        mvc.perform(post("/api/v1/users/" + username + "/disable").with(admin))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(get("/api/v1/me").with(person)).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/users/" + username + "/enable").with(admin)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").with(person)).andExpect(status().isOk());

        json(put("/api/v1/users/" + username + "/role"), admin, "{\"role\":\"viewer\"}").andExpect(status().isOk())
            .andExpect(jsonPath("$.role").value("viewer"));
        json(post("/api/v1/preparations"), person, "{\"formulaCode\":\"PRM01204\"}").andExpect(status().isForbidden());
        json(put("/api/v1/users/" + username + "/role"), admin, "{\"role\":\"chemist\"}")
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.reason").value("INVALID_ROLE"));

        json(post("/api/v1/users/" + username + "/reset-password"), admin, "{\"password\":\"" + GOOD + "\"}")
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.passwordChangeRequired").value(true));
        mvc.perform(get("/api/v1/me").with(person)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/formulas").with(httpBasic(username, GOOD)))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.reason").value("PASSWORD_CHANGE_REQUIRED"));

        mvc.perform(post("/api/v1/users/admin/disable").with(admin))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.reason").value("OWN_ACCOUNT"));
        mvc.perform(post("/api/v1/users/" + username + "/disable").with(httpBasic("lablead", "lablead123")))
            .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/users/no-such-person/disable").with(admin)).andExpect(status().isNotFound());
        json(post("/api/v1/users"), admin,
                "{\"username\":\"" + username + "\",\"fullName\":\"Again\",\"role\":" + "\"viewer\",\"password\":\""
                        + GOOD + "\"}")
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.reason").value("USERNAME_TAKEN"));
        json(post("/api/v1/users"), admin, "{\"username\":\"Bad Name!\",\"fullName\":\"X\",\"role\":\"viewer\","
                + "\"password\":\"" + GOOD + "\"}")
            .andExpect(jsonPath("$.reason").value("INVALID_USERNAME"));
        mvc.perform(get("/api/v1/users").with(admin))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[?(@.username == '" + username + "')].role").value("viewer"));

        assertThat(actions(username)).containsExactly("ACCOUNT_CREATED", "PASSWORD_CHANGED", "ACCOUNT_DISABLED",
                "SIGN_IN_REFUSED", "ACCOUNT_ENABLED", "ROLE_CHANGED", "PASSWORD_RESET", "SIGN_IN_FAILED");
        assertThat(audit.forAccount(username).get(2).actor()).isEqualTo("admin");
    }

}
