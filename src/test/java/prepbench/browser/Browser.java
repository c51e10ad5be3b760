package prepbench.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;

/**
 * Debian's Chromium driven by Playwright. Without Chromium the browser tests are skipped
 * with a message, except on CI ({@code CI=true}), where a missing browser fails the run.
 */
final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run");

    private Browser() {
    }

    static void requireChromium() {
        if (Files.isExecutable(CHROMIUM)) {
            return;
        }
        String message = "Browser tests need Debian's Chromium at " + CHROMIUM + " (apt-get install chromium)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + ": it is missing on CI");
        }
        System.err.println("SKIPPED: " + message);
        Assumptions.abort(message);
    }

    static Playwright playwright() {
        // a busy machine (CI runs the browser beside the build) may take longer than
        // Playwright's 5 s to show a page
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        return Playwright
            .create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    /** A fresh browser profile (cookies, storage) against the test server. */
    static BrowserContext newContext(com.microsoft.playwright.Browser browser, int port) {
        return browser.newContext(
                new com.microsoft.playwright.Browser.NewContextOptions().setBaseURL("http://localhost:" + port));
    }

    /**
     * Signs in on the login page and waits for the dashboard's scan box to have the
     * focus.
     */
    static Page signIn(BrowserContext context, String user, String password) {
        Page page = context.newPage();
        page.setDefaultTimeout(15_000);
        page.navigate("/login");
        page.getByLabel("Username").fill(user);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        PlaywrightAssertions.assertThat(page.locator("#scan")).isFocused();
        scriptsRan(page);
        return page;
    }

    /**
     * Waits until the page's scripts (htmx among them) have run: they come after the
     * first paint, and a form clicked before is sent as a plain one.
     */
    static void scriptsRan(Page page) {
        PlaywrightAssertions.assertThat(page.locator("html")).hasAttribute("data-scripts", "ready");
    }

    static com.microsoft.playwright.Browser launch(Playwright playwright) {
        return playwright.chromium()
            .launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true).setArgs(ARGS));
    }

    /**
     * Waits until the live panel shows a stable reading that the balance took after
     * {@code sinceMillis}: the reading that follows an action, not the stable one from
     * before it (the page may still show that one when the action's answer arrives).
     */
    static void settledAfter(Page page, long sinceMillis) {
        page.waitForFunction("since => { const live = document.querySelector('.live[data-bench]');"
                + " return live !== null && Number(live.dataset.at || 0) > since"
                + " && live.dataset.stable === 'true'; }", (double) sinceMillis);
    }

}
