package prepbench.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * What a technician does at a bench with the simulated balance, in the browser: scan the
 * formula, scan each container, zero, tare, pour and capture. Shared by the browser tests
 * that prepare.
 */
final class BenchSteps {

    private BenchSteps() {
    }

    /** What a scanner reads from each of PRM00936's containers, in step order. */
    static final List<String> LABELS = List.of("ING-ETH-001", "ING-LIM-001",
            "(01)09506000134352(17)301231(10)LIN-LOT-7", "ING=BER-001;LOT=B-2291;EXP=2030-06-30", "HEDIONE",
            "ING-ISO-001", "ING-GAL-001", "ING-VAN-001");

    /**
     * The same containers as a technician may scan them too: the GTIN alone, the bare
     * key-value code.
     */
    static final List<String> BARE_LABELS = List.of("ING-ETH-001", "ING-LIM-001", "09506000134352", "BER-001",
            "HEDIONE", "ING-ISO-001", "ING-GAL-001", "ING-VAN-001");

    static final Pattern PREPARATION = Pattern.compile(".*/preparations/[0-9a-f-]{36}$");

    static void scanFormula(Page page) {
        page.navigate("/");
        page.locator("#scan").fill("F=PRM00936");
        page.locator("#scan").press("Enter");
        page.waitForURL(PREPARATION);
        Browser.scriptsRan(page);
    }

    static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /**
     * Clicks a simulated-balance preset and waits for the balance to settle on the new
     * load.
     */
    static void demo(Page page, String preset) {
        clickAndWait(page, page.locator("button[data-preset=" + preset + "]"));
        Browser.settledAfter(page, System.currentTimeMillis());
    }

    /**
     * Clicks an htmx button and waits for its answer, as a person waits to see the page
     * change.
     */
    static void clickAndWait(Page page, Locator button) {
        page.waitForResponse(response -> response.request().method().equals("POST"), button::click);
    }

    /**
     * Scans the container, puts it on the balance, tares, pours with the given preset and
     * waits for stable.
     */
    static void pour(Page page, int sequence, String preset) {
        pour(page, sequence, preset, LABELS);
    }

    static void pour(Page page, int sequence, String preset, List<String> labels) {
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

    static void weighEveryStep(Page page, List<String> labels) {
        for (int sequence = 1; sequence <= labels.size(); sequence++) {
            pour(page, sequence, "pour", labels);
            assertThat(page.getByTestId("live-diff")).hasText("+0.000 g");
            clickAndWait(page, button(page, "Capture"));
            assertThat(page.getByTestId("step").nth(sequence - 1)).hasAttribute("data-status", "ok");
        }
        assertThat(page.getByTestId("session-status")).hasAttribute("data-status", "completed");
        assertThat(page.getByTestId("sample")).containsText("PRM00936-");
    }

}
