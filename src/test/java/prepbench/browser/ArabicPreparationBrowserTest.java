package prepbench.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import prepbench.entry.Words;
import prepbench.support.EnglishLeft;

/**
 * A technician whose browser asks for Arabic prepares PRM00936 from the scan of its code
 * to the sample, in a real browser: every page right to left, every button, prompt and
 * next thing to do (the live ones the script writes included) in Arabic, the lot's expiry
 * typed in Arabic-Indic digits, weights in Western digits; then the batch record, also in
 * Arabic. The buttons are found by their Arabic names, from the bundles.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "prepbench.benches[0].id=bench-1", "prepbench.benches[0].scale.protocol=simulated",
                "prepbench.benches[0].scale.settle-ms=250", "prepbench.test.database=arabic-browser" })
class ArabicPreparationBrowserTest extends InBrowser {

    private static final Words ARABIC = Words.of(Locale.forLanguageTag("ar"));

    @Test
    void preparesPrm00936EntirelyInArabic() {
        try (BrowserContext context = browser
            .newContext(new com.microsoft.playwright.Browser.NewContextOptions().setBaseURL("http://localhost:" + port)
                .setLocale("ar-SA"))) {
            Page page = context.newPage();
            page.setDefaultTimeout(15_000);
            page.navigate("/login");
            inArabic(page);
            page.locator("#username").fill("technician");
            page.locator("#password").fill("tech123");
            page.locator("#password").press("Enter");
            assertThat(page.locator("#scan")).isFocused();
            inArabic(page);

            // the formula's page asks for the batch size: typed in Arabic-Indic digits
            page.navigate("/formula-first?code=PRM00936");
            inArabic(page);
            page.locator("#amount").fill("١٠٠");
            page.locator("#amount").press("Enter");
            page.waitForURL(BenchSteps.PREPARATION);
            Browser.scriptsRan(page);
            inArabic(page);
            for (int sequence = 1; sequence <= 8; sequence++) {
                pour(page, sequence);
                assertThat(page.getByTestId("live-diff")).hasText("+0.000 g");
                inArabic(page);
                BenchSteps.clickAndWait(page, button(page, "bench.action.capture"));
                assertThat(page.getByTestId("step").nth(sequence - 1)).hasAttribute("data-status", "ok");
            }
            assertThat(page.getByTestId("session-status")).hasAttribute("data-status", "completed");
            assertThat(page.getByTestId("sample")).containsText("PRM00936-");
            inArabic(page);

            page.navigate(page.url() + "/record");
            inArabic(page);
            assertThat(page.locator("body")).containsText("B-2291");
            assertThat(page.locator("body")).containsText("LIN-LOT-7");
            assertThat(page.locator("body")).containsText("78.000");
        }
    }

    /**
     * As {@link BenchSteps#pour}, with the Arabic names; the fourth container's bare code
     * carries no lot, so the bench asks for it.
     */
    private void pour(Page page, int sequence) {
        assertThat(page.getByTestId("active-step")).hasAttribute("data-sequence", String.valueOf(sequence));
        // the linalool's GS1 label as a scanner set to Arabic digits sends it
        page.locator("#container-code")
            .fill(sequence == 3 ? "(٠١)٠٩٥٠٦٠٠٠١٣٤٣٥٢(١٧)٣٠١٢٣١(١٠)LIN-LOT-7"
                    : BenchSteps.BARE_LABELS.get(sequence - 1));
        page.locator("#container-code").press("Enter");
        assertThat(page.getByTestId("identified")).isVisible();
        if (sequence == 4) {
            assertThat(page.getByTestId("lot-form")).isVisible();
            inArabic(page);
            page.getByLabel(ARABIC.t("bench.lot.number")).fill("B-2291");
            page.getByLabel(ARABIC.t("bench.lot.expiry")).fill("2030-06-30");
            BenchSteps.clickAndWait(page, button(page, "bench.lot.record"));
            assertThat(page.getByTestId("identified")).containsText("B-2291");
        }
        BenchSteps.demo(page, "empty");
        BenchSteps.clickAndWait(page, button(page, "bench.action.zero"));
        BenchSteps.demo(page, "container");
        inArabic(page);
        BenchSteps.clickAndWait(page, button(page, "bench.action.tare"));
        assertThat(page.getByTestId("live-grams")).hasText("0.000");
        BenchSteps.demo(page, "pour");
    }

    private static Locator button(Page page, String key) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(ARABIC.t(key)).setExact(true));
    }

    /** The page reads right to left and keeps no interface text in English. */
    private static void inArabic(Page page) {
        assertThat(page.locator("html")).hasAttribute("lang", "ar");
        assertThat(page.locator("html")).hasAttribute("dir", "rtl");
        assertThat(EnglishLeft.in(page.content())).as(page.url()).isEqualTo(java.util.Set.of());
    }

}
