package prepbench.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import prepbench.access.Actor;
import prepbench.access.Role;
import prepbench.sync.Stations;

/**
 * {@code /admin/stations} at central, with real form sign-ins: an admin registers a
 * station with its accounts and sees its token once; changes its accounts; a name or an
 * account that is none is refused with the form kept; a station is revoked once; only
 * admins reach the page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StationPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Stations stations;

    private MockHttpSession signIn(String username, String password) throws Exception {
        return FormSignIn.of(mvc, username, password);
    }

    private List<String> accountsOf(String name) {
        return stations.all(Actor.withRole("admin", Role.ADMIN))
            .stream()
            .filter(station -> station.name().equals(name))
            .findFirst()
            .orElseThrow()
            .accounts();
    }

    @Test
    void anAdminRegistersAStationWithItsAccountsSeesItsTokenOnceChangesItsAccountsAndRevokesIt() throws Exception {
        MockHttpSession admin = signIn("admin", "admin123");
        String name = "page-pc-" + UUID.randomUUID().toString().substring(0, 6);
        String created = mvc
            .perform(post("/admin/stations").session(admin)
                .with(csrf())
                .param("name", name)
                .param("accounts", "technician", "lablead"))
            .andExpect(status().isOk())
            .andExpect(header().string("Cache-Control", containsString("no-store")))
            .andExpect(content().string(containsString("it is shown this once")))
            .andReturn()
            .getResponse()
            .getContentAsString();
        Matcher token = Pattern.compile("pbst1\\.st-[0-9a-f]{16}\\.[A-Za-z0-9_-]+").matcher(created);
        assertThat(token.find()).as("the new token is on the page").isTrue();
        assertThat(accountsOf(name)).containsExactly("lablead", "technician");

        String listed = mvc.perform(get("/admin/stations").session(admin))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("data-station=\"" + name + "\"")))
            .andExpect(content().string(not(containsString(token.group()))))
            .andReturn()
            .getResponse()
            .getContentAsString();
        String card = listed.substring(listed.indexOf("data-station=\"" + name + "\""));
        card = card.substring(0, card.indexOf("</section>"));
        assertThat(card).containsPattern("value=\"technician\"\\s+id=\"[a-z0-9-]+\"\\s+checked")
            .doesNotContainPattern("value=\"admin\"\\s+id=\"[a-z0-9-]+\"\\s+checked");

        // the ticked accounts are the list: the lab lead taken off
        mvc.perform(post("/admin/stations/" + name + "/accounts").session(admin)
            .with(csrf())
            .param("accounts", "technician"))
            .andExpect(status().isSeeOther())
            .andExpect(redirectedUrl("/admin/stations?saved=" + name));
        assertThat(accountsOf(name)).containsExactly("technician");
        mvc.perform(get("/admin/stations?saved=" + name).session(admin))
            .andExpect(content().string(containsString("The accounts of station " + name + " are saved")));
        // an account central has none of: refused, the list as it was
        mvc.perform(post("/admin/stations/" + name + "/accounts").session(admin)
            .with(csrf())
            .param("accounts", "technician", "nobody-here"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(content().string(containsString("Central has no account named nobody-here")));
        assertThat(accountsOf(name)).containsExactly("technician");
        // none ticked: none allowed
        mvc.perform(post("/admin/stations/" + name + "/accounts").session(admin).with(csrf()))
            .andExpect(status().isSeeOther());
        assertThat(accountsOf(name)).isEmpty();
        mvc.perform(get("/admin/stations").session(admin))
            .andExpect(content().string(containsString("none: nobody can sign in there")));

        // a name that is none, or taken: refused, what was typed and ticked kept
        String refused = mvc
            .perform(post("/admin/stations").session(admin)
                .with(csrf())
                .param("name", "bench pc!")
                .param("accounts", "lablead"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(content().string(containsString("Give the station a name of 1 to 50 letters")))
            .andExpect(content().string(containsString("value=\"bench pc!\"")))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(refused).containsPattern("value=\"lablead\"\\s+id=\"new-station-account-\\d+\"\\s+checked")
            .doesNotContainPattern("value=\"admin\"\\s+id=\"new-station-account-\\d+\"\\s+checked");
        mvc.perform(post("/admin/stations").session(admin).with(csrf()).param("name", ".."))
            .andExpect(status().isUnprocessableContent())
            .andExpect(content().string(containsString("starting with a letter or digit")));
        mvc.perform(post("/admin/stations").session(admin).with(csrf()).param("name", name))
            .andExpect(status().isUnprocessableContent())
            .andExpect(content().string(containsString("A station named " + name + " is registered already")));

        mvc.perform(post("/admin/stations/" + name + "/revoke").session(admin).with(csrf()))
            .andExpect(status().isSeeOther())
            .andExpect(redirectedUrl("/admin/stations?revoked=" + name));
        mvc.perform(get("/admin/stations?revoked=" + name).session(admin))
            .andExpect(content().string(containsString("Station " + name + " is revoked")))
            .andExpect(content().string(not(containsString("/admin/stations/" + name + "/revoke"))));
        mvc.perform(post("/admin/stations/" + name + "/revoke").session(admin).with(csrf()))
            .andExpect(status().isUnprocessableContent())
            .andExpect(content().string(containsString("No station named " + name)));

        mvc.perform(get("/admin/stations").session(signIn("lablead", "lablead123"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/users").session(admin)).andExpect(content().string(containsString("/admin/stations")));
    }

}
