package prepbench.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Pages link their stylesheets and scripts at fingerprinted addresses, which browsers
 * keep a year without asking again; the plain address is asked about every time; no
 * script blocks the first paint.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StaticCachingTest {

    private static final Pattern FINGERPRINTED = Pattern.compile(".*-[0-9a-f]{32}\\.(css|js)$");

    @Autowired
    MockMvc mvc;

    @Test
    void everyStylesheetAndScriptIsFingerprintedAndKeptAYear() throws Exception {
        for (String language : List.of("en", "ar")) {
            Document page = Jsoup.parse(mvc.perform(
                    get("/").with(user("technician").roles("TECHNICIAN")).header(HttpHeaders.ACCEPT_LANGUAGE, language))
                .andReturn()
                .getResponse()
                .getContentAsString());
            List<String> addresses = new java.util.ArrayList<>(page.select("link[rel=stylesheet]").eachAttr("href"));
            addresses.addAll(page.select("script[src]").eachAttr("src"));
            // the page's scripts, run after its first paint, in order
            var loader = page.selectFirst("script[data-scripts]");
            addresses.addAll(List.of(loader.attr("data-scripts").split(" ")));
            assertThat(loader.attr("data-htmx")).contains("/htmx.min-");
            addresses.add(loader.attr("data-htmx"));
            assertThat(page.select("link[rel=stylesheet]")).hasSize(1);
            assertThat(addresses).hasSizeGreaterThanOrEqualTo(5)
                .allMatch(address -> FINGERPRINTED.matcher(address).matches());
            assertThat(page.select("script[src]")).hasSize(1).allMatch(script -> script.hasAttr("defer"));
            assertThat(addresses)
                .anyMatch(address -> address.contains(language.equals("ar") ? "/css/bench.rtl-" : "/css/bench-"));
            for (String address : addresses) {
                MockHttpServletResponse kept = mvc.perform(get(address)).andReturn().getResponse();
                assertThat(kept.getStatus()).as(address).isEqualTo(200);
                assertThat(kept.getHeader(HttpHeaders.CACHE_CONTROL)).as(address)
                    .isEqualTo("public, max-age=31536000, immutable");
            }
        }
        // the one stylesheet is Bootstrap's cut and PrepBench's own, in that order
        String bench = mvc.perform(get("/css/bench.css"))
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        String own = new String(getClass().getResourceAsStream("/static/css/prepbench.css").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(bench).startsWith("@charset \"UTF-8\";/* Bootstrap ").contains(own);
        assertThat(bench.indexOf(own)).isGreaterThan(bench.indexOf(".btn{"));
        MockHttpServletResponse plain = mvc.perform(get("/css/prepbench.css")).andReturn().getResponse();
        assertThat(plain.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-cache");
        assertThat(plain.getHeader(HttpHeaders.LAST_MODIFIED)).isNotNull();
    }

}
