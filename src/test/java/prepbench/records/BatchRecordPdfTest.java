package prepbench.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import prepbench.access.Actor;
import prepbench.audit.AuditEvent;
import prepbench.audit.ChainVerification;
import prepbench.entry.Words;
import prepbench.preparation.SessionBuilder;

/**
 * The record's PDF without the application: names in Arabic come out as Arabic letters in
 * the embedded font (not boxes or question marks), next to Latin ones, a demo station's
 * record says DEMO on every page, and a record printed for an Arabic reader is worded in
 * Arabic and laid out right to left.
 */
class BatchRecordPdfTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    private static final Words ENGLISH = Words.of(Locale.ENGLISH);

    private static final Words ARABIC = Words.of(Locale.forLanguageTag("ar"));

    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

    private final BatchRecords records = new BatchRecords(null, null, null, templates, Clock.fixed(NOW, ZoneOffset.UTC),
            ZoneOffset.UTC, true);

    private static RecordPage page(String formulaName) {
        return page(formulaName, List.of());
    }

    private static RecordPage page(String formulaName, List<AuditEvent> events) {
        SessionView session = SessionView.of(SessionBuilder.aSession().build());
        SessionView named = new SessionView(session.id(), session.formulaCode(), formulaName, session.versionNo(),
                session.attemptNo(), session.status(), session.operator(), session.bench(), session.batch(),
                session.batchMassG(), session.startedAt(), session.endedAt(), session.endReason(), session.steps(),
                session.activeStep(), session.origin());
        return new RecordPage(named, null, events, new ChainVerification("session:" + session.id(), 0, true, List.of()),
                NOW, java.time.Duration.ofMinutes(2));
    }

    @Test
    void anArabicNameIsPrintedInArabicLettersOfTheEmbeddedFont() throws Exception {
        byte[] pdf = records.pdf(page("عطر الليمون Citrus"), Actor.withRoles("lablead", List.of("ROLE_LAB_LEAD")),
                ENGLISH);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFKC);
            assertThat(text).contains("Citrus", "printed by lablead", "Page 1 of " + document.getNumberOfPages());
            assertThat(text.codePoints().filter(c -> c >= 0x0600 && c <= 0x06FF).count())
                .as("Arabic letters in %s", text)
                .isGreaterThanOrEqualTo("عطرالليمون".length());
            assertThat(text).contains("عطر الليمون").doesNotContain("?", "\uFFFD");
            List<String> fonts = new java.util.ArrayList<>();
            for (var pdfPage : document.getPages()) {
                for (var name : pdfPage.getResources().getFontNames()) {
                    PDFont font = pdfPage.getResources().getFont(name);
                    fonts.add(font.getName());
                }
            }
            assertThat(fonts).allSatisfy(font -> assertThat(font).contains("DejaVu"));
        }
    }

    @Test
    void aDemoStationsRecordSaysDemoOnEveryPage() throws Exception {
        byte[] pdf = records.pdf(page("Citrus"), Actor.withRoles("lablead", List.of("ROLE_LAB_LEAD")), ENGLISH);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(document)).contains("(DEMO)", "Page " + page + " of ");
            }
        }
    }

    @Test
    void aRecordPrintedForAnArabicReaderHasArabicHeadingsAndReadsRightToLeft() throws Exception {
        RecordPage record = page("Citrus",
                List.of(new AuditEvent(1, NOW, "tina", "SESSION_ABORTED", java.util.UUID.randomUUID(), null, "PRM00936",
                        "{\"reason\":\"spilled\"}", "session:x", 1, "0".repeat(64), "a".repeat(64), "test-1")));
        StringOutput html = new StringOutput();
        templates.render("record-pdf.jte",
                Map.of("page", record, "words", ARABIC, "demo", false, "printedBy", "lablead", "printedAt", NOW), html);
        assertThat(html.toString()).contains("<html lang=\"ar\" dir=\"rtl\">");

        byte[] pdf = records.pdf(record, Actor.withRoles("lablead", List.of("ROLE_LAB_LEAD")), ARABIC);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFKC);
            assertThat(text).as("Arabic headings in %s", text)
                .contains("سجل الدفعة", "الخطوات", "سجل التدقيق", "المكوّن", "طبعه")
                .contains("أُلغي", "spilled", "lablead", "Citrus")
                .doesNotContain("Preparation record", "Steps", "Audit trail", "Page", "printed by", "Aborted");
            PDFTextStripper inPlace = new PDFTextStripper();
            inPlace.setSortByPosition(true);
            assertThat(Normalizer.normalize(inPlace.getText(document), Normalizer.Form.NFKC))
                .as("the page number, shaped and right to left like the rest")
                .contains("الصفحة 1 من " + document.getNumberOfPages());
        }
    }

}
