package prepbench.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Playwright;

/**
 * A test class that drives Debian's Chromium against the application on its random port:
 * one browser for the class, a fresh profile per {@link #newContext()}. Skipped with a
 * message when Chromium is missing (failed on CI).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InBrowser {

    @LocalServerPort
    int port;

    Playwright playwright;

    com.microsoft.playwright.Browser browser;

    @BeforeAll
    void launchBrowser() {
        Browser.requireChromium();
        playwright = Browser.playwright();
        browser = Browser.launch(playwright);
    }

    @AfterAll
    void closeBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    BrowserContext newContext() {
        return Browser.newContext(browser, port);
    }

    /**
     * A fresh profile in a window of the given size (a bench PC's 1366 × 768, a phone's
     * 390 × 844).
     */
    BrowserContext newContext(int width, int height) {
        return browser
            .newContext(new com.microsoft.playwright.Browser.NewContextOptions().setBaseURL("http://localhost:" + port)
                .setViewportSize(width, height)
                .setHasTouch(width < 600));
    }

}
