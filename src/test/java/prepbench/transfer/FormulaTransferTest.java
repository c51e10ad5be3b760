package prepbench.transfer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import prepbench.access.Actor;
import prepbench.access.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import prepbench.formulas.DraftEntry;
import prepbench.formulas.FormulaCode;
import prepbench.formulas.FormulaManagement;
import prepbench.formulas.FormulaVersion;
import prepbench.formulas.VersionStatus;

/**
 * Import and export of formula files through the API and the import page, on a database
 * of its own (the demo lab only): round trips of the demo formulas, all-or-nothing
 * imports, encodings, size and binary refusals.
 */
@SpringBootTest(properties = "prepbench.test.database=formula-transfer")
@AutoConfigureMockMvc
class FormulaTransferTest {

    private static final Set<String> DEMO_RELEASED = Set.of("PRM00936", "PRM01204", "COS00217");

    private static final String HEADER = "formula_code,formula_name,batch_amount,batch_unit,line_no,ingredient_code,"
            + "fraction\r\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FormulaManagement formulas;

    private static RequestPostProcessor labLead() {
        return user("lablead").roles("LAB_LEAD");
    }

    private byte[] export(FileFormat format, String status) throws Exception {
        return mvc
            .perform(get("/api/v1/formulas/export").param("format", format.extension())
                .param("status", status)
                .with(user("v").roles("VIEWER")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    }

    private int count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void theDemoFormulasRoundTripThroughExportAndImport(FileFormat format) throws Exception {
        byte[] released = export(format, "released");
        List<FormulaDocument> exported = FormulaFiles.read(format, released).formulas();
        assertThat(exported).extracting(FormulaDocument::code).containsExactlyInAnyOrderElementsOf(DEMO_RELEASED);
        assertThat(exported.stream().filter(f -> f.code().equals("PRM00936")).findFirst().orElseThrow().lines())
            .hasSize(8);
        try {
            mvc.perform(post("/api/v1/formulas/import").param("format", format.extension())
                .content(released)
                .with(labLead()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.imported.length()").value(3))
                .andExpect(jsonPath("$.imported[0].newFormula").value(false));

            List<FormulaDocument> drafts = FormulaFiles.read(format, export(format, "draft"))
                .formulas()
                .stream()
                .filter(document -> DEMO_RELEASED.contains(document.code()))
                .toList();
            assertThat(drafts).containsExactlyInAnyOrderElementsOf(exported);
        }
        finally {
            for (String code : DEMO_RELEASED) {
                formulas.draft(FormulaCode.of(code))
                    .ifPresent(draft -> formulas.discardDraft(Actor.withRole("lablead", Role.LAB_LEAD), draft.code(),
                            draft.revision()));
            }
        }
    }

    @Test
    void aFileWithOneBadRowImportsNothingAndNamesTheRowAndField() throws Exception {
        int formulasBefore = count("formula");
        int versionsBefore = count("formula_version");
        int auditBefore = count("audit_event");
        String csv = HEADER + "IMP001,Good one,100,g,1,ETH-001,0.5\r\n" + "IMP001,Good one,100,g,2,LIM-001,0.5\r\n"
                + "IMP002,Bad one,100,g,1,ETH-001,0.5\r\n" + "IMP002,Bad one,100,g,2,NOPE-001,0.5\r\n";
        mvc.perform(post("/api/v1/formulas/import").contentType("text/csv").content(csv).with(labLead()))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.problems.length()").value(1))
            .andExpect(jsonPath("$.problems[0].row").value(5))
            .andExpect(jsonPath("$.problems[0].field").value("ingredient_code"))
            .andExpect(jsonPath("$.problems[0].message").value(containsString("no ingredient NOPE-001")));
        String malformed = HEADER + "IMP003,Sums wrong,100,g,1,ETH-001,0.5\r\n"
                + "IMP003,Sums wrong,100,g,2,LIM-001,-0.25\r\n" + "IMP004,Dup,0,g,1,ETH-001,1\r\n"
                + "IMP004,Dup,0,g,2,ETH-001,0\r\n";
        mvc.perform(post("/api/v1/formulas/import").contentType("text/csv").content(malformed).with(labLead()))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.problems[?(@.row == 3 && @.field == 'fraction')]").exists())
            .andExpect(jsonPath("$.problems[?(@.row == 4 && @.field == 'batch_amount')]").exists())
            .andExpect(jsonPath("$.problems[?(@.row == 5 && @.field == 'ingredient_code')]").exists());
        assertThat(count("formula")).isEqualTo(formulasBefore);
        assertThat(count("formula_version")).isEqualTo(versionsBefore);
        assertThat(count("audit_event")).isEqualTo(auditBefore);
    }

    @Test
    void aFormulaWithAnOpenDraftIsNotOverwritten() throws Exception {
        int versionsBefore = count("formula_version");
        String csv = HEADER + "IMP010,New,10,g,1,WAT-001,1\r\n" + "prm01300,Woody,50,g,1,ISO-001,1\r\n";
        mvc.perform(post("/api/v1/formulas/import").contentType("text/csv").content(csv).with(labLead()))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.problems[0].row").value(3))
            .andExpect(jsonPath("$.problems[0].message").value(containsString("PRM01300 already has an open draft")));
        assertThat(count("formula_version")).as("IMP010 rolled back with the rest").isEqualTo(versionsBefore);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM formula WHERE code = 'IMP010'").query(Integer.class).single())
            .isZero();
    }

    @Test
    void windows1252AndUtf8WithBomAreBothReadCorrectly() throws Exception {
        byte[] windows = (HEADER + "IMP020,Crème brûlée accord,10,g,1,VAN-001,1\r\n")
            .getBytes(Charset.forName("windows-1252"));
        mvc.perform(post("/api/v1/formulas/import").contentType("text/csv").content(windows).with(labLead()))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.encoding").value("windows-1252"));
        byte[] bom = ("\uFEFF" + HEADER + "IMP021,Été,10,g,1,VAN-001,1\r\n").getBytes(StandardCharsets.UTF_8);
        mvc.perform(post("/api/v1/formulas/import").contentType("text/csv").content(bom).with(labLead()))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.encoding").value("UTF-8"));
        assertThat(formulas.versions(FormulaCode.of("IMP020")).get(0).name()).isEqualTo("Crème brûlée accord");
        assertThat(formulas.versions(FormulaCode.of("IMP021")).get(0).name()).isEqualTo("Été");
        assertThat(formulas.versions(FormulaCode.of("IMP020")).get(0).status()).isEqualTo(VersionStatus.DRAFT);
    }

    @Test
    void aCellThatASpreadsheetWouldRunIsNeutralisedOnExport() throws Exception {
        Actor lead = Actor.withRole("lablead", Role.LAB_LEAD);
        FormulaVersion draft = formulas.create(lead, "INJ001", "=cmd|' /C calc'!A0", "10", "g");
        formulas.saveDraft(lead, draft.code(), new DraftEntry("=cmd|' /C calc'!A0", "10", "g", "%",
                List.of(new DraftEntry.LineEntry("WAT-001", "100", "", "", "g")), draft.revision()));
        String csv = mvc
            .perform(get("/formulas/export").param("status", "draft")
                .param("code", "INJ001")
                .with(user("v").roles("VIEWER")))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("text/csv"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains(",'=cmd|' /C calc'!A0,").doesNotContain(",=cmd");
    }

    @Test
    void aHugeOrBinaryFileIsRefusedWithoutReadingIt() throws Exception {
        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        Arrays.fill(tenMegabytes, (byte) 'a');
        mvc.perform(post("/api/v1/formulas/import").contentType("text/csv").content(tenMegabytes).with(labLead()))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.problems[0].message").value(containsString("at most 2 MB")));
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R' };
        mvc.perform(multipart("/formulas/import").file(new MockMultipartFile("file", "formulas.csv", "text/csv", png))
            .with(labLead())
            .with(csrf()))
            .andExpect(status().isUnprocessableContent())
            .andExpect(content().string(containsString("not a text file")))
            .andExpect(content().string(containsString("Nothing was imported")));
    }

    @Test
    void onlyLabLeadsAndAdminsImport() throws Exception {
        String csv = HEADER + "IMP030,Nope,10,g,1,WAT-001,1\r\n";
        mvc.perform(post("/api/v1/formulas/import").contentType("text/csv")
            .content(csv)
            .with(user("t").roles("TECHNICIAN"))).andExpect(status().isForbidden());
        mvc.perform(multipart("/formulas/import")
            .file(new MockMultipartFile("file", "f.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
            .with(user("v").roles("VIEWER"))
            .with(csrf())).andExpect(status().isForbidden());
        mvc.perform(multipart("/formulas/import")
            .file(new MockMultipartFile("file", "f.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
            .with(user("admin").roles("ADMIN"))
            .with(csrf()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("IMP030")))
            .andExpect(content().string(containsString("new formula")));
    }

}
