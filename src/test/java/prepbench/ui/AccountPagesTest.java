package prepbench.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The account pages with real form sign-ins: an admin creates an account; its owner signs
 * in with the temporary password, is sent to change it and can then work; an admin
 * disabling the account ends its open page session at once; a wrong password and a locked
 * account get the same answer; only admins reach the admin pages.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccountPagesTest {

    private static final String TEMPORARY = "sunflower meadow clock";

    private static final String OWN = "quiet river pebble";

    @Autowired
    MockMvc mvc;

    private MockHttpSession signIn(String username, String password) throws Exception {
        return FormSignIn.of(mvc, username, password);
    }

    @Test
    void anAdminCreatesAnAccountItsOwnerChangesTheTemporaryPasswordAndDisablingEndsTheirSession() throws Exception {
        MockHttpSession admin = signIn("admin", "admin123");
        String username = "page." + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/admin/users").session(admin)
            .with(csrf())
            .param("username", username)
            .param("fullName", "Page Person")
            .param("role", "technician")
            .param("password", "short"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(content().string(containsString("at least 12 characters")))
            .andExpect(content().string(containsString("value=\"Page Person\"")));
        mvc.perform(post("/admin/users").session(admin)
            .with(csrf())
            .param("username", username)
            .param("fullName", "Page Person")
            .param("role", "technician")
            .param("password", TEMPORARY))
            .andExpect(status().isSeeOther())
            .andExpect(redirectedUrl("/admin/users/" + username + "?created"));

        MockHttpSession person = signIn(username, TEMPORARY);
        mvc.perform(get("/formulas").session(person))
            .andExpect(status().isSeeOther())
            .andExpect(redirectedUrl("/account?required"));
        mvc.perform(get("/account").session(person))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Your password is temporary")));
        mvc.perform(post("/account/password").session(person)
            .with(csrf())
            .param("currentPassword", TEMPORARY)
            .param("newPassword", OWN)
            .param("repeatPassword", OWN + "x"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(content().string(containsString("differ")));
        mvc.perform(post("/account/password").session(person)
            .with(csrf())
            .param("currentPassword", TEMPORARY)
            .param("newPassword", OWN)
            .param("repeatPassword", OWN)).andExpect(status().isSeeOther()).andExpect(redirectedUrl("/"));
        mvc.perform(get("/formulas").session(person)).andExpect(status().isOk());
        mvc.perform(get("/admin/users").session(person)).andExpect(status().isForbidden());

        mvc.perform(post("/admin/users/" + username + "/disable").session(admin).with(csrf()))
            .andExpect(status().isSeeOther());
        mvc.perform(get("/admin/users/" + username).session(admin))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("data-testid=\"account-status\">disabled")))
            .andExpect(content().string(containsString("ACCOUNT_DISABLED")))
            .andExpect(content().string(containsString("data-testid=\"history-intact\"")));
        mvc.perform(get("/formulas").session(person))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrl("/login?ended"));
        mvc.perform(formLogin().user(username).password(OWN)).andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin().user("nobody-" + username).password(OWN)).andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login").param("error", "")).andExpect(content().string(containsString("locked or disabled")));
    }

    @Test
    void anAdminCannotDisableThemselvesAndSeesWhy() throws Exception {
        MockHttpSession admin = signIn("admin", "admin123");
        String page = mvc.perform(post("/admin/users/admin/disable").session(admin).with(csrf()))
            .andExpect(status().isUnprocessableContent())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(page).contains("You cannot disable your own account; ask another admin.");
    }

    @Test
    void anAdminCreatesATokenSeesItOnceAndRevokesIt() throws Exception {
        MockHttpSession admin = signIn("admin", "admin123");
        String name = "page-" + UUID.randomUUID().toString().substring(0, 6);
        String created = mvc
            .perform(post("/admin/tokens").session(admin).with(csrf()).param("name", name).param("role", "viewer"))
            .andExpect(status().isOk())
            .andExpect(header().string("Cache-Control", containsString("no-store")))
            .andExpect(content().string(containsString("shown this once")))
            .andReturn()
            .getResponse()
            .getContentAsString();
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("pbt_[A-Za-z0-9_-]{43}").matcher(created);
        org.assertj.core.api.Assertions.assertThat(token.find()).as("the new token is on the page").isTrue();

        mvc.perform(get("/admin/tokens").session(admin))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("data-name=\"" + name + "\"")))
            .andExpect(content().string(org.hamcrest.Matchers.not(containsString(token.group()))));
        mvc.perform(post("/admin/tokens").session(admin).with(csrf()).param("name", name).param("role", "viewer"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(content().string(containsString("Choose another name")));
        mvc.perform(post("/admin/tokens/" + name + "/revoke").session(admin).with(csrf()))
            .andExpect(status().isSeeOther())
            .andExpect(redirectedUrl("/admin/tokens?revoked=" + name));
        mvc.perform(get("/api/v1/formulas").header("Authorization", "Bearer " + token.group()))
            .andExpect(status().isUnauthorized());
        mvc.perform(get("/admin/tokens").session(signIn("lablead", "lablead123"))).andExpect(status().isForbidden());
    }

}
