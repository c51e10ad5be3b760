package prepbench.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static prepbench.browser.BenchSteps.LABELS;
import static prepbench.browser.BenchSteps.scanFormula;
import static prepbench.browser.BenchSteps.weighEveryStep;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.List;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import prepbench.access.Actor;
import prepbench.formulas.FormulaCode;
import prepbench.formulas.FormulaManagement;

/**
 * After the weighing, in a real browser: a technician completes PRM00936; its batch
 * record downloads as a PDF that holds the formula, every lot and weight and the
 * signature block; a lab lead finds the preparation from a lot on the ingredient's page,
 * prints the sample's thermal label (its QR code decodes back to S:CODE), records the due
 * test's result from the dashboard, and exports the history of that lot as CSV.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "prepbench.benches[0].id=bench-1", "prepbench.benches[0].scale.protocol=simulated",
                "prepbench.benches[0].scale.settle-ms=250", "prepbench.test.database=records-browser" })
class RecordsBrowserTest extends InBrowser {

    @Autowired
    FormulaManagement formulas;

    @Test
    void aCompletedPreparationsRecordRecallLabelTestAndHistory() throws Exception {
        formulas.defineTest(Actor.withRoles("lablead", List.of("ROLE_LAB_LEAD")), FormulaCode.of("PRM00936"),
                "stability", "1", "hours");
        try (BrowserContext technicianContext = newContext(); BrowserContext leadContext = newContext()) {
            Page technician = Browser.signIn(technicianContext, "technician", "tech123");
            scanFormula(technician);
            String preparation = technician.url().replaceAll(".*/preparations/", "");
            weighEveryStep(technician, LABELS);
            String sample = technician.getByTestId("sample").innerText().replaceAll("(?s).*(PRM00936-\\d+).*", "$1");

            Page lead = Browser.signIn(leadContext, "lablead", "lablead123");
            lead.navigate("/preparations/" + preparation + "/record");
            assertThat(lead.getByTestId("record-pdf")).isVisible();
            byte[] pdf = lead.request().get(lead.getByTestId("record-pdf").getAttribute("href")).body();
            try (PDDocument document = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
                org.assertj.core.api.Assertions.assertThat(text)
                    .contains("Preparation record: PRM00936", preparation, "LIN-LOT-7", "B-2291", "78.000", "5.000",
                            "Audit trail intact", "printed by lablead", "Page 1 of " + document.getNumberOfPages(),
                            "Sample " + sample, "stability");
            }

            lead.navigate("/ingredients/LIN-001");
            lead.getByTestId("lot-row")
                .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("LIN-LOT-7"))
                .click();
            assertThat(lead.locator("h1")).containsText("Where lot LIN-LOT-7 was used");
            assertThat(lead.locator("[data-testid=session-row][data-id=\"" + preparation + "\"]")
                .getByTestId("sample-link")).hasText(sample);
            Download export = lead.waitForDownload(() -> lead.getByTestId("export-steps").click());
            List<String> rows = Files.readAllLines(export.path());
            org.assertj.core.api.Assertions.assertThat(rows.get(0)).startsWith("preparation_id,formula_code");
            org.assertj.core.api.Assertions.assertThat(rows)
                .anySatisfy(row -> org.assertj.core.api.Assertions.assertThat(row)
                    .startsWith(preparation)
                    .contains("LIN-001", "LIN-LOT-7"));

            lead.locator("[data-testid=session-row][data-id=\"" + preparation + "\"]")
                .getByTestId("sample-link")
                .click();
            lead.getByTestId("thermal-label").click();
            assertThat(lead.getByTestId("label")).hasCount(1);
            byte[] shot = lead.getByTestId("label").locator("img").screenshot();
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(shot));
            String decoded = new MultiFormatReader()
                .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                .getText();
            org.assertj.core.api.Assertions.assertThat(decoded).isEqualTo("S:" + sample);

            lead.navigate("/");
            lead.getByTestId("due-test")
                .filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("stability on sample " + sample))
                .getByRole(AriaRole.LINK)
                .click();
            lead.getByText("Pass", new Page.GetByTextOptions().setExact(true)).click();
            lead.getByLabel("Value").fill("no separation");
            lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record")).click();
            assertThat(lead.getByTestId("sample-message")).containsText("The result of stability is recorded.");
            assertThat(lead.getByTestId("sample-test")).hasAttribute("data-state", "pass");
            org.assertj.core.api.Assertions.assertThat(Accessibility.seriousViolations(lead)).isEmpty();
        }
    }

}
