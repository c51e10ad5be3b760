package prepbench.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The formula and ingredient pages: who may do what, every bad input answered next to its
 * field, nothing half-saved.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CatalogPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private static RequestPostProcessor labLead() {
        return user("lablead").roles("LAB_LEAD");
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private int count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
    }

    private MockHttpServletRequestBuilder draftSave(String code, int revision, String... codesAndPercents) {
        MockHttpServletRequestBuilder request = post("/formulas/" + code + "/draft/save").with(labLead())
            .with(csrf())
            .param("name", "Page test")
            .param("batchAmount", "250")
            .param("batchUnit", "g")
            .param("amountsAs", "%")
            .param("revision", String.valueOf(revision));
        for (int i = 0; i < codesAndPercents.length; i += 2) {
            request.param("ingredientCode", codesAndPercents[i])
                .param("amount", codesAndPercents[i + 1])
                .param("toleranceMinus", "")
                .param("tolerancePlus", "")
                .param("toleranceUnit", "g");
        }
        return request;
    }

    @Test
    void everyoneReadsButOnlyLabLeadsAndAdminsSeeTheEditControls() throws Exception {
        mvc.perform(get("/formulas").with(user("v").roles("VIEWER")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("PRM00936")))
            .andExpect(content().string(not(containsString("New formula"))));
        mvc.perform(get("/formulas/PRM00936").with(user("t").roles("TECHNICIAN")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Version 1")))
            .andExpect(content().string(not(containsString("Retire this version"))));
        mvc.perform(get("/ingredients").with(user("t").roles("TECHNICIAN")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("ETH-001")))
            .andExpect(content().string(not(containsString("New ingredient"))));
        mvc.perform(get("/formulas/PRM00936").with(labLead()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Retire this version")));
    }

    @Test
    void aTechnicianCannotCreateOrEdit() throws Exception {
        int formulas = count("formula");
        mvc.perform(post("/formulas").with(user("t").roles("TECHNICIAN"))
            .with(csrf())
            .param("code", unique("T"))
            .param("name", "No")
            .param("batchAmount", "1")
            .param("batchUnit", "g")).andExpect(status().isForbidden());
        mvc.perform(post("/ingredients/ETH-001/aliases/confirm").with(user("t").roles("TECHNICIAN"))
            .with(csrf())
            .param("value", "X")).andExpect(status().isForbidden());
        assertThat(count("formula")).isEqualTo(formulas);
    }

    @Test
    void aBadIngredientComesBackWithAMessageAtEachFieldAndNothingSaved() throws Exception {
        int ingredients = count("ingredient");
        mvc.perform(post("/ingredients").with(labLead())
            .with(csrf())
            .param("code", "eth-001")
            .param("name", "Dup")
            .param("casNumber", "64-17-6")
            .param("primaryCodeValue", "ING-NEW")
            .param("density", "0")
            .param("parser", "plain")
            .param("active", "true"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(content().string(containsString("There already is an ingredient ETH-001")))
            .andExpect(content().string(containsString("wrong check digit")))
            .andExpect(content().string(containsString("must be greater than zero")))
            .andExpect(content().string(containsString("value=\"64-17-6\"")));
        assertThat(count("ingredient")).isEqualTo(ingredients);
    }

    @Test
    void aLabLeadCreatesAnIngredientAndEditsIt() throws Exception {
        String code = unique("ING");
        mvc.perform(post("/ingredients").with(labLead())
            .with(csrf())
            .param("code", code.toLowerCase())
            .param("name", "Citral")
            .param("casNumber", "5392-40-5")
            .param("primaryCodeValue", "C-" + code)
            .param("alternativeCodeValues", "ALT1-" + code + "\nALT2-" + code)
            .param("density", "0.888")
            .param("parser", "plain")
            .param("active", "true")).andExpect(status().isSeeOther()).andExpect(redirectedUrl("/ingredients/" + code));
        mvc.perform(get("/ingredients/" + code).with(labLead()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("ALT2-" + code)))
            .andExpect(content().string(containsString("INGREDIENT_CREATED")));

        mvc.perform(post("/ingredients/" + code).with(labLead())
            .with(csrf())
            .param("name", "Citral natural")
            .param("primaryCodeValue", "C-" + code)
            .param("parser", "plain")
            .param("active", "true")
            .param("revision", "1")).andExpect(status().isSeeOther());
        mvc.perform(post("/ingredients/" + code).with(labLead())
            .with(csrf())
            .param("name", "Lost edit")
            .param("primaryCodeValue", "C-" + code)
            .param("parser", "plain")
            .param("revision", "1"))
            .andExpect(status().isConflict())
            .andExpect(content().string(containsString("changed by lablead after you opened it")))
            .andExpect(content().string(containsString("value=\"Lost edit\"")));
        mvc.perform(get("/ingredients/" + code).with(labLead()))
            .andExpect(content().string(containsString("Citral natural")))
            .andExpect(content().string(containsString("INGREDIENT_CHANGED")));
    }

    @Test
    void aFormulaIsCreatedEditedAndReleasedWithASignatureThroughThePages() throws Exception {
        String code = unique("PG");
        mvc.perform(post("/formulas").with(labLead())
            .with(csrf())
            .param("code", code)
            .param("name", "Page test")
            .param("batchAmount", "250")
            .param("batchUnit", "g"))
            .andExpect(status().isSeeOther())
            .andExpect(redirectedUrl("/formulas/" + code + "/draft"));
        mvc.perform(get("/formulas/" + code + "/draft").with(labLead()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("draft version 1")));

        mvc.perform(draftSave(code, 1, "ETH-001", "70", "NOPE-9", "20", "LIM-001", "12,5"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(content().string(containsString("there is no ingredient NOPE-9")))
            .andExpect(content().string(containsString("with a dot as the decimal separator")))
            .andExpect(content().string(containsString("value=\"12,5\"")));
        mvc.perform(draftSave(code, 1, "ETH-001", "70", "LIM-001", "20")).andExpect(status().isSeeOther());
        mvc.perform(draftSave(code, 1, "ETH-001", "50", "LIM-001", "50"))
            .andExpect(status().isConflict())
            .andExpect(content().string(containsString("your changes were not saved")));

        mvc.perform(post("/formulas/" + code + "/versions/1/release").with(labLead())
            .with(csrf())
            .param("revision", "2")
            .param("password", "lablead123")
            .param("meaning", "true"))
            .andExpect(status().isConflict())
            .andExpect(content().string(containsString("add up to 90 %")));
        mvc.perform(draftSave(code, 2, "ETH-001", "80", "LIM-001", "20")).andExpect(status().isSeeOther());
        mvc.perform(post("/formulas/" + code + "/versions/1/release").with(labLead())
            .with(csrf())
            .param("revision", "3")
            .param("password", "not-mine")
            .param("meaning", "true"))
            .andExpect(status().isConflict())
            .andExpect(content().string(containsString("The password is not yours")));
        mvc.perform(post("/formulas/" + code + "/versions/1/release").with(labLead())
            .with(csrf())
            .param("revision", "3")
            .param("password", "lablead123")
            .param("meaning", "true")).andExpect(status().isSeeOther());

        mvc.perform(get("/formulas/" + code).with(labLead()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("released by <bdi>lablead</bdi>")))
            .andExpect(content().string(containsString("approved for preparation")))
            .andExpect(content().string(containsString("RELEASE_REFUSED")))
            .andExpect(content().string(containsString("VERSION_RELEASED")));
        mvc.perform(post("/formula-first").with(user("t-" + code).roles("TECHNICIAN"))
            .with(csrf())
            .param("code", code)
            .param("amount", "250")
            .param("unit", "g")).andExpect(status().isSeeOther());
        mvc.perform(get("/formulas/" + code).with(labLead()))
            .andExpect(content().string(containsString("Preparations of version 1")));
    }

    @Test
    void formulaAndIngredientLabelsCarryWhatTheScannerMustRead() throws Exception {
        byte[] png = mvc.perform(get("/formulas/prm00936/label.png").with(user("v").roles("VIEWER")))
            .andExpect(status().isOk())
            .andExpect(content().contentType("image/png"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        assertThat(decode(png)).isEqualTo("F=PRM00936");
        byte[] ingredientPng = mvc.perform(get("/ingredients/LIN-001/label.png").with(user("v").roles("VIEWER")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
        assertThat(decode(ingredientPng)).isEqualTo("09506000134352");
        mvc.perform(get("/formulas/PRM00936/label.svg").with(user("v").roles("VIEWER")))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("image/svg+xml"))
            .andExpect(content().string(containsString(">PRM00936</text>")));
        mvc.perform(get("/labels").param("formulas", "PRM00936, cos00217")
            .param("ingredients", "ETH-001")
            .with(user("v").roles("VIEWER")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("/formulas/PRM00936/label.svg")))
            .andExpect(content().string(containsString("/formulas/COS00217/label.svg")))
            .andExpect(content().string(containsString("/ingredients/ETH-001/label.svg")))
            .andExpect(content().string(containsString("window.print()")));
        mvc.perform(get("/labels").param("formulas", "released").with(user("v").roles("VIEWER")))
            .andExpect(content().string(containsString("/formulas/PRM01204/label.svg")))
            .andExpect(content().string(not(containsString("/formulas/PRM01300/label.svg"))));
        mvc.perform(get("/labels").param("formulas", "NOPE1").with(user("v").roles("VIEWER")))
            .andExpect(status().isNotFound());
    }

    private static String decode(byte[] png) throws Exception {
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        var bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                new com.google.zxing.client.j2se.BufferedImageLuminanceSource(image)));
        return new com.google.zxing.qrcode.QRCodeReader().decode(bitmap).getText();
    }

    @Test
    void theSignatureMeaningsShownAreTheOnesRecorded() {
        assertThat(prepbench.entry.Text.of("catalog.versions.release-meaning").english())
            .isEqualTo(prepbench.formulas.FormulaManagement.RELEASE_MEANING);
        assertThat(prepbench.entry.Text.of("catalog.release-lock.meaning").english())
            .isEqualTo(prepbench.preparation.PreparationManagement.LOCK_RELEASE_MEANING);
    }

    @Test
    void inArabicTheFormulaPageMarksItsData() throws Exception {
        mvc.perform(get("/formulas/PRM00936").with(labLead()).header("Accept-Language", "ar"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("<html lang=\"ar\" dir=\"rtl\"")))
            .andExpect(content().string(containsString("اعتمده <bdi>")))
            .andExpect(content().string(containsString("«موافَق عليها للتحضير»")))
            .andExpect(content().string(containsString("<span dir=\"auto\">Eau de parfum Citrus Bloom</span>")));
    }

    @Test
    void anUnknownIngredientOrFormulaIsANotFoundPage() throws Exception {
        mvc.perform(get("/ingredients/NOPE-404").with(labLead()))
            .andExpect(status().isNotFound())
            .andExpect(content().string(containsString("Ingredient not found")));
        mvc.perform(get("/formulas/NOPE404").with(labLead())).andExpect(status().isNotFound());
    }

}
