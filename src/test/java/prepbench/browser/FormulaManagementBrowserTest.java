package prepbench.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * A lab lead enters two ingredients and a formula, releases it with their signature and
 * prints its label; a technician scans what the label carries and prepares it; the lab
 * lead edits the formula (a new version) and releases that; the formula's page shows both
 * versions with the preparations of each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "prepbench.benches[0].id=bench-1", "prepbench.benches[0].scale.protocol=simulated",
                "prepbench.benches[0].scale.settle-ms=250" })
class FormulaManagementBrowserTest extends InBrowser {

    private static final Pattern PREPARATION = Pattern.compile(".*/preparations/[0-9a-f-]{36}$");

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static void createIngredient(Page lead, String code, String name, String cas, String containerCode) {
        lead.navigate("/ingredients");
        lead.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New ingredient")).click();
        lead.locator("#code").fill(code);
        lead.locator("#name").fill(name);
        lead.locator("#casNumber").fill(cas);
        lead.locator("#density").fill("0.9");
        lead.locator("#primaryCodeValue").fill(containerCode);
        button(lead, "Create ingredient").click();
        assertThat(lead.getByTestId("ingredient-code")).hasText(code);
    }

    private static void fillLine(Page lead, int index, String ingredient, String percent) {
        lead.getByTestId("draft-line").nth(index).getByLabel("Ingredient code, line " + (index + 1)).fill(ingredient);
        lead.getByTestId("draft-line").nth(index).getByLabel("Amount, line " + (index + 1)).fill(percent);
    }

    private static void release(Page lead, int versionNo) {
        Locator form = lead.getByTestId("version-" + versionNo).getByTestId("release-form");
        form.getByLabel("My signature means").check();
        form.getByLabel("Your password").fill("lablead123");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign and release")).click();
        assertThat(lead.getByTestId("version-" + versionNo)).containsText("released by lablead");
    }

    /** Scans the container, tares with it on the pan, pours the target and captures. */
    private static void weigh(Page technician, int sequence, String containerCode) {
        assertThat(technician.getByTestId("active-step")).hasAttribute("data-sequence", String.valueOf(sequence));
        technician.locator("#container-code").fill(containerCode);
        technician.locator("#container-code").press("Enter");
        assertThat(technician.getByTestId("identified")).isVisible();
        preset(technician, "empty");
        clickAndWait(technician, button(technician, "Zero"));
        preset(technician, "container");
        clickAndWait(technician, button(technician, "Tare"));
        assertThat(technician.getByTestId("live-grams")).hasText("0.000");
        preset(technician, "pour");
        assertThat(technician.getByTestId("live-diff")).hasText("+0.000 g");
        clickAndWait(technician, button(technician, "Capture"));
        assertThat(technician.getByTestId("step").nth(sequence - 1)).hasAttribute("data-status", "ok");
    }

    /**
     * Clicks a simulated-balance preset and waits for the balance to settle on the new
     * load.
     */
    private static void preset(Page page, String preset) {
        clickAndWait(page, page.locator("button[data-preset=" + preset + "]"));
        Browser.settledAfter(page, System.currentTimeMillis());
    }

    private static void clickAndWait(Page page, Locator button) {
        page.waitForResponse(response -> response.request().method().equals("POST"), button::click);
    }

    private static String decode(byte[] png) throws Exception {
        var bitmap = new BinaryBitmap(
                new HybridBinarizer(new BufferedImageLuminanceSource(ImageIO.read(new ByteArrayInputStream(png)))));
        return new QRCodeReader().decode(bitmap).getText();
    }

    @Test
    void aLabLeadCreatesReleasesAndRevisesAFormulaThatATechnicianPrepares() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String citral = "CIT-" + suffix;
        String musk = "MSK-" + suffix;
        String formula = "BRW" + suffix;
        try (BrowserContext leadContext = newContext(); BrowserContext technicianContext = newContext()) {
            Page lead = Browser.signIn(leadContext, "lablead", "lablead123");
            createIngredient(lead, citral, "Citral", "5392-40-5", "C-" + citral);
            createIngredient(lead, musk, "Ethylene brassylate", "105-95-3", "C-" + musk);

            lead.navigate("/formulas");
            lead.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New formula")).click();
            lead.locator("#code").fill(formula.toLowerCase());
            lead.locator("#name").fill("Browser accord");
            lead.locator("#batchAmount").fill("20");
            button(lead, "Create and add lines").click();
            assertThat(lead.getByTestId("draft-line")).hasCount(8);
            fillLine(lead, 0, citral, "60");
            // before saving: the line names its ingredient and the total follows what is
            // typed
            assertThat(lead.getByTestId("line-ingredient").first()).hasText("Citral");
            assertThat(lead.getByTestId("draft-running-total")).hasText("60 %");
            fillLine(lead, 1, musk, "40");
            assertThat(lead.getByTestId("draft-running-total")).hasText("100 %");
            button(lead, "Save draft").click();
            assertThat(lead.getByTestId("draft-sum")).hasText("100 %");
            assertThat(lead.getByTestId("line-ingredient").nth(1)).hasText("Ethylene brassylate");
            lead.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the formula (release, history)"))
                .click();
            release(lead, 1);

            lead.getByTestId("print-label").click();
            assertThat(lead.getByTestId("label")).hasCount(1);
            Locator image = lead.getByTestId("label").locator("img");
            lead.waitForCondition(() -> (Boolean) image.evaluate("img => img.complete && img.naturalWidth > 0"));
            String scanned = decode(lead.request().get("/formulas/" + formula + "/label.png").body());
            org.assertj.core.api.Assertions.assertThat(scanned).isEqualTo("F=" + formula);

            Page technician = Browser.signIn(technicianContext, "technician", "tech123");
            technician.locator("#scan").fill(scanned);
            technician.locator("#scan").press("Enter");
            technician.waitForURL(PREPARATION);
            Browser.scriptsRan(technician);
            weigh(technician, 1, "C-" + citral);
            weigh(technician, 2, "C-" + musk);
            assertThat(technician.getByTestId("session-status")).hasAttribute("data-status", "completed");

            lead.navigate("/formulas/" + formula);
            button(lead, "Edit (new version 2)").click();
            fillLine(lead, 0, citral, "70");
            fillLine(lead, 1, musk, "30");
            button(lead, "Save draft").click();
            assertThat(lead.getByTestId("draft-sum")).hasText("100 %");
            lead.navigate("/formulas/" + formula);
            release(lead, 2);

            technician.navigate("/");
            technician.locator("#scan").fill(scanned);
            technician.locator("#scan").press("Enter");
            technician.waitForURL(PREPARATION);

            lead.navigate("/formulas/" + formula);
            assertThat(lead.getByTestId("version-2")).containsText("released");
            assertThat(lead.getByTestId("version-1")).containsText("retired");
            assertThat(lead.getByTestId("version-1")).containsText("superseded by version 2");
            assertThat(lead.getByTestId("sessions-1")).containsText("completed");
            assertThat(lead.getByTestId("sessions-2")).containsText("in_progress");
            assertThat(lead.getByTestId("history-intact")).isVisible();
            // created, saved, released; draft opened, saved, version 1 retired, version 2
            // released
            assertThat(lead.getByTestId("history-event")).hasCount(7);
            assertThat(lead.getByTestId("history-event").last()).containsText("VERSION_RELEASED");
        }
    }

}
