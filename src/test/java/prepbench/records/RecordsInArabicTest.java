package prepbench.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.text.Normalizer;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import prepbench.security.AccountManagement;

/**
 * The printed record and the exports in the reader's language: the record's PDF and the
 * history's CSV header on the pages and in the API ({@code Accept-Language}), the PDF for
 * a signed-in reader who chose Arabic, and the audit export, whose sentences are worded
 * while what the events recorded stays as it was recorded.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RecordsInArabicTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountManagement accounts;

    private final String operator = "arabic-" + UUID.randomUUID().toString().substring(0, 8);

    private final RequestPostProcessor technician = user(operator).roles("TECHNICIAN");

    private String started() throws Exception {
        String created = mvc
            .perform(post("/api/v1/preparations").with(technician)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"formulaCode\":\"PRM01204\"}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
        return JsonPath.read(created, "$.id");
    }

    private String text(MockHttpServletRequestBuilder request) throws Exception {
        byte[] pdf = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFKC);
        }
    }

    private String csv(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theRecordsPdfIsPrintedInTheReadersLanguage() throws Exception {
        String id = started();

        assertThat(text(get("/api/v1/preparations/" + id + "/record.pdf").with(technician)
            .header(HttpHeaders.ACCEPT_LANGUAGE, "ar")))
            .contains("سجل الدفعة", "الخطوات", "سجل التدقيق", "بدأت المحاولة")
            .doesNotContain("Preparation record", "Audit trail");
        assertThat(text(get("/api/v1/preparations/" + id + "/record.pdf").with(technician)))
            .contains("Preparation record: PRM01204", "Audit trail intact", "Started attempt ");
        assertThat(text(get("/preparations/" + id + "/record.pdf").with(technician)
            .header(HttpHeaders.ACCEPT_LANGUAGE, "ar-SA,ar;q=0.9"))).contains("سجل الدفعة", "طبعه", operator);

        String reader = "arabic-reader-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create("admin", reader, "Arabic Reader", "viewer", "blue kettle morning 7");
        accounts.chooseLanguage(reader, "ar");
        assertThat(text(get("/preparations/" + id + "/record.pdf").with(user(reader).roles("VIEWER"))
            .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))).as("the account's choice wins over the browser's")
            .contains("سجل الدفعة", "سجل التدقيق");
    }

    @Test
    void theExportsHeaderRowIsInTheReadersLanguageAndTheirValuesStayAsTheyAre() throws Exception {
        started();

        String arabic = csv(get("/api/v1/preparations").param("operator", operator)
            .accept("text/csv")
            .header(HttpHeaders.ACCEPT_LANGUAGE, "ar")
            .with(technician));
        assertThat(arabic.lines().findFirst().orElseThrow()).startsWith("معرّف التحضير,رمز التركيبة,اسم التركيبة");
        assertThat(arabic.lines().skip(1)).singleElement().asString().contains(",PRM01204,", ",in_progress,");
        assertThat(
                csv(get("/api/v1/preparations").param("operator", operator).accept("text/csv").with(technician)).lines()
                    .findFirst()
                    .orElseThrow())
            .startsWith("preparation_id,formula_code,formula_name");
        assertThat(csv(get("/preparations/export.csv").param("operator", operator)
            .param("rows", "steps")
            .header(HttpHeaders.ACCEPT_LANGUAGE, "ar")
            .with(technician)).lines().findFirst().orElseThrow()).startsWith("معرّف التحضير,رمز التركيبة,رقم المحاولة");

        String audit = csv(get("/audit/export.csv").param("actor", operator)
            .header(HttpHeaders.ACCEPT_LANGUAGE, "ar")
            .with(user("lablead").roles("LAB_LEAD")));
        assertThat(audit.lines().findFirst().orElseThrow()).startsWith("المعرّف,وقت الحدث UTC,الشخص,الإجراء,ما جرى");
        assertThat(audit).contains(",SESSION_STARTED,", "بدأت المحاولة ");
    }

}
