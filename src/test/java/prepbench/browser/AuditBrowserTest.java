package prepbench.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import prepbench.support.Unlocked;

/**
 * A lab lead reviews the audit trail in a real browser: a technician's scan starts a
 * preparation; the lab lead opens the audit trail from the menu, filters it by that
 * person, exports what is shown as CSV, and verifies everything.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditBrowserTest extends InBrowser {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aLabLeadFiltersTheTrailByAPersonExportsItAndVerifiesEverything() throws Exception {
        Unlocked.formulas(jdbc, "PRM01204");
        try (BrowserContext technicianContext = newContext()) {
            Page technician = Browser.signIn(technicianContext, "technician", "tech123");
            technician.locator("#scan").fill("F=PRM01204");
            technician.locator("#scan").press("Enter");
            technician.waitForURL(Pattern.compile(".*/preparations/[0-9a-f-]{36}$"));
        }

        try (BrowserContext context = newContext()) {
            Page page = Browser.signIn(context, "lablead", "lablead123");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit trail")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Audit trail")))
                .isVisible();
            assertThat(Accessibility.seriousViolations(page)).isEmpty();

            page.getByLabel("Person (username)").fill("technician");
            page.getByLabel("Person (username)").press("Enter");
            page.waitForURL(Pattern.compile(".*/audit\\?.*actor=technician.*"));
            Locator actors = page.getByTestId("audit-actor");
            assertThat(actors.first()).isVisible();
            assertThat(actors.allTextContents()).isNotEmpty().allMatch("technician"::equals);
            assertThat(page.getByTestId("audit-events")).containsText("SESSION_");

            Download download = page.waitForDownload(() -> page.getByTestId("audit-export").click());
            List<String> rows = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
            assertThat(rows.get(0)).startsWith("id,occurred_at_utc,actor,action,what,chain,sequence");
            assertThat(rows.subList(1, rows.size())).isNotEmpty()
                .allMatch(row -> row.split(",", -1)[2].equals("technician"));
            assertThat(rows.size() - 1).as("the export holds at least what the page shows")
                .isGreaterThanOrEqualTo(actors.count());

            page.getByTestId("verify-everything").click();
            assertThat(page.getByTestId("verification-intact")).containsText("Intact");
            assertThat(page.getByTestId("verification-intact")).containsText("chains");
        }
    }

}
