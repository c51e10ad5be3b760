package prepbench.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * A person preparing PRM00936 at a bench with the simulated balance, in a real browser:
 * every step scanned, tared, poured and captured until completed; a wrong container
 * refused; an over-dispense that locks; the release by a lab lead with a wrong and then
 * the right password; and a new attempt that completes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "prepbench.benches[0].id=bench-1", "prepbench.benches[0].scale.protocol=simulated",
                "prepbench.benches[0].scale.settle-ms=250", "prepbench.benches[1].id=bench-2",
                "prepbench.benches[1].scale.protocol=simulated", "prepbench.benches[1].scale.settle-ms=250" })
class WeighingBrowserTest extends InBrowser {

    /** What a scanner reads from each of PRM00936's containers, in step order. */
    private static final List<String> LABELS = List.of("ING-ETH-001", "ING-LIM-001",
            "(01)09506000134352(17)301231(10)LIN-LOT-7", "ING=BER-001;LOT=B-2291;EXP=2030-06-30", "HEDIONE",
            "ING-ISO-001", "ING-GAL-001", "ING-VAN-001");

    /**
     * The same containers as a technician may scan them too: the GTIN alone, the bare
     * key-value code.
     */
    private static final List<String> BARE_LABELS = List.of("ING-ETH-001", "ING-LIM-001", "09506000134352", "BER-001",
            "HEDIONE", "ING-ISO-001", "ING-GAL-001", "ING-VAN-001");

    private static final Pattern PREPARATION = Pattern.compile(".*/preparations/[0-9a-f-]{36}$");

    private static void scanFormula(Page page) {
        page.navigate("/");
        page.locator("#scan").fill("F=PRM00936");
        page.locator("#scan").press("Enter");
        page.waitForURL(PREPARATION);
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /**
     * Clicks a simulated-balance preset and waits for the balance to settle on the new
     * load.
     */
    private static void demo(Page page, String preset) {
        clickAndWait(page, page.locator("button[data-preset=" + preset + "]"));
        Browser.settledAfter(page, System.currentTimeMillis());
    }

    /**
     * Clicks an htmx button and waits for its answer, as a person waits to see the page
     * change.
     */
    private static void clickAndWait(Page page, Locator button) {
        page.waitForResponse(response -> response.request().method().equals("POST"), button::click);
    }

    /**
     * Scans the container, puts it on the balance, tares, pours with the given preset and
     * waits for stable.
     */
    private static void pour(Page page, int sequence, String preset) {
        pour(page, sequence, preset, LABELS);
    }

    private static void pour(Page page, int sequence, String preset, List<String> labels) {
        Locator active = page.getByTestId("active-step");
        assertThat(active).hasAttribute("data-sequence", String.valueOf(sequence));
        if (sequence == 3) {
            assertThat(page.getByTestId("scan-prompt")).containsText("the GS1 label with (01) 09506000134352");
        }
        else if (sequence == 4) {
            assertThat(page.getByTestId("scan-prompt")).containsText("the label with CODE=BER-001");
        }
        page.locator("#container-code").fill(labels.get(sequence - 1));
        page.locator("#container-code").press("Enter");
        assertThat(page.getByTestId("identified")).isVisible();
        if (sequence == 4 && labels.get(3).equals("BER-001")) {
            // the bare code carries no lot, and bergamot oil needs one on record: the
            // bench asks for it
            assertThat(page.getByTestId("lot-form")).isVisible();
            page.getByLabel("Lot number, from the label").fill("B-2291");
            page.getByLabel("Expiry date").fill("2030-06-30");
            page.waitForResponse(response -> response.request().method().equals("POST"),
                    () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record lot")).click());
        }
        assertThat(page.getByTestId("identified")).isVisible();
        // the pan emptied and zeroed (a tare from before may still be set), the vessel on
        // and tared
        demo(page, "empty");
        clickAndWait(page, button(page, "Zero"));
        demo(page, "container");
        clickAndWait(page, button(page, "Tare"));
        assertThat(page.getByTestId("live-grams")).hasText("0.000");
        demo(page, preset);
    }

    private static void weighEveryStep(Page page, List<String> labels) {
        for (int sequence = 1; sequence <= labels.size(); sequence++) {
            pour(page, sequence, "pour", labels);
            assertThat(page.getByTestId("live-diff")).hasText("+0.000 g");
            clickAndWait(page, button(page, "Capture"));
            assertThat(page.getByTestId("step").nth(sequence - 1)).hasAttribute("data-status", "ok");
        }
        assertThat(page.getByTestId("session-status")).hasAttribute("data-status", "completed");
        assertThat(page.getByTestId("sample")).containsText("PRM00936-");
    }

    @Test
    void preparesLocksReleasesAndPreparesAgain() {
        try (BrowserContext technicianContext = newContext(); BrowserContext leadContext = newContext()) {
            Page technician = Browser.signIn(technicianContext, "technician", "tech123");

            scanFormula(technician);
            technician.locator("#container-code").fill("ING-LIM-001");
            technician.locator("#container-code").press("Enter");
            assertThat(technician.getByTestId("action-message")).containsText("Wrong container");
            assertThat(technician.getByTestId("active-step")).hasAttribute("data-sequence", "1");
            weighEveryStep(technician, LABELS);

            technician.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Preparation record")).click();
            assertThat(technician.getByTestId("chain-verification")).containsText("Audit trail intact");
            assertThat(technician.getByTestId("record-status")).hasAttribute("data-status", "completed");

            scanFormula(technician);
            pour(technician, 1, "over");
            // above the upper limit Capture gives way to a red "Over target" that first
            // says what it would do
            assertThat(button(technician, "Capture")).isHidden();
            assertThat(technician.getByTestId("next-action")).containsText("Over target by");
            button(technician, "Over target").click();
            assertThat(technician.getByTestId("over-confirm")).isVisible();
            assertThat(technician.getByTestId("over-confirm"))
                .containsText("fails this attempt and locks formula PRM00936");
            assertThat(button(technician, "Record over target and fail this attempt")).isFocused();
            button(technician, "Not now").click();
            assertThat(technician.getByTestId("over-confirm")).isHidden();
            assertThat(technician.getByTestId("session-status")).hasAttribute("data-status", "in_progress");
            button(technician, "Over target").click();
            clickAndWait(technician, button(technician, "Record over target and fail this attempt"));
            assertThat(technician.getByTestId("session-status")).hasAttribute("data-status", "locked_failed");
            assertThat(technician.getByTestId("action-message")).containsText("recorded over target");
            assertThat(technician.getByTestId("lock-banner")).containsText("Over-dispense at step 1");
            technician.navigate("/");
            technician.locator("#scan").fill("F=PRM00936");
            technician.locator("#scan").press("Enter");
            assertThat(technician.getByTestId("error-title")).hasText("Formula PRM00936 is locked");
            // the error page keeps a focused scan box: the next wedge scan lands in it
            assertThat(technician.locator("#scan")).isFocused();

            Page lead = Browser.signIn(leadContext, "lablead", "lablead123");
            Locator locked = lead.getByTestId("locked-formula");
            assertThat(locked).containsText("PRM00936");
            locked.getByLabel("Reason").fill("Balance checked, technician briefed");
            locked.getByLabel("Your password (signature)").fill("not-my-password");
            locked.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Release lock")).click();
            // refused at the form: the reason typed stays, the refusal is at the
            // password, which has the focus
            assertThat(locked.getByTestId("release-refusal")).containsText("The password is not yours");
            assertThat(locked.getByLabel("Reason")).hasValue("Balance checked, technician briefed");
            assertThat(locked.getByLabel("Your password (signature)")).isFocused();
            lead.keyboard().type("lablead123");
            lead.keyboard().press("Enter");
            assertThat(locked.getByTestId("release-done")).containsText("Lock of PRM00936 released");
            assertThat(locked.getByTestId("release-done")).hasClass(Pattern.compile("alert-success"));
            lead.reload();
            assertThat(lead.getByTestId("locked-formula")).hasCount(0);

            scanFormula(technician);
            assertThat(technician.getByTestId("attempt-no")).hasText("3");
            weighEveryStep(technician, BARE_LABELS);
        }
    }

}
