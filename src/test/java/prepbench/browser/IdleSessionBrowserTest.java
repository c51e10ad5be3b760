package prepbench.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * A page session ends after {@code prepbench.session.idle-minutes} without a request,
 * tested past that period with the shortest setting (1 minute): the page warns a minute
 * before, then asks for a sign-in that says why, and signing in again brings the person
 * back to the page they were on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "prepbench.session.idle-minutes=1")
class IdleSessionBrowserTest extends InBrowser {

    @Test
    void anIdlePageWarnsThenSignsOutAndSigningInReturnsToIt() {
        try (BrowserContext context = newContext()) {
            Page page = Browser.signIn(context, "technician", "tech123");
            page.navigate("/formulas/PRM00936");
            assertThat(page.getByTestId("idle-warning")).isVisible();
            assertThat(page.getByTestId("idle-warning")).containsText("you will be signed out in");

            page.waitForURL(Pattern.compile(".*/login\\?timeout$"), new Page.WaitForURLOptions().setTimeout(90_000));
            assertThat(page.getByTestId("timed-out")).containsText("signed out after a while without activity");
            page.getByLabel("Username").fill("technician");
            page.getByLabel("Password").fill("tech123");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.waitForURL(Pattern.compile(".*/formulas/PRM00936(\\?continue)?$"));
            assertThat(page.getByTestId("idle-warning")).isVisible();
        }
    }

}
