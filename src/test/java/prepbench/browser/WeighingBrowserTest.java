package prepbench.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static prepbench.browser.BenchSteps.BARE_LABELS;
import static prepbench.browser.BenchSteps.LABELS;
import static prepbench.browser.BenchSteps.button;
import static prepbench.browser.BenchSteps.clickAndWait;
import static prepbench.browser.BenchSteps.pour;
import static prepbench.browser.BenchSteps.scanFormula;
import static prepbench.browser.BenchSteps.weighEveryStep;

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
