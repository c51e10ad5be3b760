package prepbench.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The scan-to-preparation flow in a real browser, the flow the old app raced. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScanFlowBrowserTest extends InBrowser {

    private static final Pattern PREPARATION = Pattern.compile(".*/preparations/[0-9a-f-]{36}$");

    private BrowserContext context;

    private Page page;

    @BeforeEach
    void signIn() {
        context = newContext();
        page = Browser.signIn(context, "technician", "tech123");
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    private String scanOnDashboard(String code) {
        page.navigate("/");
        page.locator("#scan").fill(code);
        page.locator("#scan").press("Enter");
        page.waitForURL(PREPARATION);
        return page.url();
    }

    @Test
    void scanLandsOnThePreparationAndReloadOrRescanKeepsIt() {
        String preparation = scanOnDashboard("F=PRM00936");
        assertThat(page.getByTestId("formula-code")).hasText("PRM00936");
        assertThat(page.getByTestId("session-status")).hasAttribute("data-status", "in_progress");
        assertThat(page.getByTestId("step")).hasCount(8);
        String attempt = page.getByTestId("attempt-no").textContent();

        page.reload();
        assertThat(page).hasURL(preparation);
        assertThat(page.getByTestId("formula-code")).hasText("PRM00936");

        assertThat(scanOnDashboard("F=PRM00936")).isEqualTo(preparation);
        assertThat(page.getByTestId("attempt-no")).hasText(attempt);
    }

    @Test
    void theFirstPaintHoldsTheNextThingToDoAndTheStepsFollowItWithOrWithoutScripts() {
        // the first paint is the header and the active step; the steps table and the
        // panels below it are in the page from the start and shown once that paint is on
        // screen
        String preparation = scanOnDashboard("F=PRM00936");
        assertThat(page.getByTestId("active-step")).isVisible();
        assertThat(page.getByTestId("step").first()).isVisible();
        assertThat(page.locator("html")).not().hasClass(Pattern.compile("\\bpainting\\b"));
        assertThat(page.locator("details.demo-panel")).isVisible();

        // a browser that runs no scripts shows all of it at once
        BrowserContext noScripts = browser
            .newContext(new com.microsoft.playwright.Browser.NewContextOptions().setBaseURL("http://localhost:" + port)
                .setJavaScriptEnabled(false));
        try {
            noScripts.addCookies(context.cookies());
            Page plain = noScripts.newPage();
            plain.navigate(preparation);
            assertThat(plain.locator("html")).hasClass(Pattern.compile("\\bpainting\\b"));
            assertThat(plain.getByTestId("step")).hasCount(8);
            assertThat(plain.getByTestId("step").first()).isVisible();
            assertThat(plain.locator("details.demo-panel")).isVisible();
        }
        finally {
            noScripts.close();
        }
    }

    @Test
    void aWedgeScannerWithoutEnterSubmitsAfterItGoesQuiet() {
        // the characters arrive as a scanner sends them, all at once, however busy the
        // machine is
        page.locator("#scan")
            .evaluate(
                    "(input, code) => { for (const c of code) { input.value += c;"
                            + " input.dispatchEvent(new InputEvent('input', {bubbles: true, data: c})); } }",
                    "F=PRM00936");

        page.waitForURL(PREPARATION);
        assertThat(page.getByTestId("formula-code")).hasText("PRM00936");
    }

    @Test
    void aWedgeScannerWithoutEnterChecksTheContainerAlsoInTheBoxHtmxPutInThePage() {
        scanOnDashboard("F=PRM00936");
        Browser.scriptsRan(page);
        wedge("#container-code", "ING-LIM-001");
        assertThat(page.getByTestId("action-message")).containsText("ING-LIM-001");
        assertThat(page.locator("#container-code")).isEditable();

        // the box the refusal brought is a new element: its scan is timed just the same
        wedge("#container-code", "ING-ETH-001");
        assertThat(page.getByTestId("identified")).containsText("ING-ETH-001");
    }

    /** The characters arrive as a scanner sends them, all at once, with no Enter. */
    private void wedge(String box, String code) {
        page.locator(box)
            .evaluate("(input, code) => { input.value = ''; for (const c of code) { input.value += c;"
                    + " input.dispatchEvent(new InputEvent('input', {bubbles: true, data: c})); } }", code);
    }

    @Test
    void unknownPreparationWithFormulaFallbackLandsOnAValidPreparation() {
        String preparation = scanOnDashboard("F=PRM00936");

        page.navigate("/preparations/" + UUID.randomUUID() + "?f=PRM00936");

        assertThat(page).hasURL(preparation);
        assertThat(page.getByTestId("formula-code")).hasText("PRM00936");
    }

    @Test
    void unknownPreparationSaysPreparationNotFound() {
        page.navigate("/preparations/" + UUID.randomUUID());

        assertThat(page.getByTestId("error-title")).hasText("Preparation not found.");
        assertThat(page.locator("#scan")).isFocused();
    }

    @Test
    void unknownFormulaSaysFormulaNotFoundAndSuggestsCloseCodes() {
        page.locator("#scan").fill("F=PRM00963");
        page.locator("#scan").press("Enter");

        assertThat(page.getByTestId("error-title")).hasText("Formula not found: PRM00963");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("PRM00936"))).isVisible();
        // the error page keeps a focused scan box: the next scan, here the right code,
        // lands in it and opens
        assertThat(page.locator("#scan")).isFocused();
        page.keyboard().type("F=PRM00936");
        page.keyboard().press("Enter");
        page.waitForURL(java.util.regex.Pattern.compile(".*/preparations/[0-9a-f-]{36}$"));
    }

    @Test
    void unrecognisedScanStaysOnTheDashboardWithAMessage() {
        page.locator("#scan").fill("<b>not a code</b>!");
        page.locator("#scan").press("Enter");

        assertThat(page.getByTestId("scan-message")).containsText("Unrecognised");
        assertThat(page.locator("#scan")).isFocused();
    }

    @Test
    void aRequestHtmxSentThatIsRefusedSaysWhyInPlace() {
        page.navigate("/preparations");
        assertThat(page.getByTestId("request-error")).isHidden();
        Browser.scriptsRan(page);

        page.getByLabel("Formula").fill("not a code!");
        page.getByLabel("Formula").press("Enter");

        assertThat(page.getByTestId("request-error")).isVisible();
        assertThat(page.getByTestId("request-error")).containsText("is not a formula code");

        page.getByLabel("Formula").fill("PRM00936");
        page.getByLabel("Formula").press("Enter");
        assertThat(page.getByTestId("request-error")).isHidden();
    }

}
