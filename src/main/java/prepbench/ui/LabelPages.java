package prepbench.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import prepbench.formulas.FormulaCatalog;
import prepbench.formulas.FormulaCode;
import prepbench.formulas.FormulaSummary;
import prepbench.catalog.Ingredient;
import prepbench.catalog.IngredientManagement;
import prepbench.entry.Text;
import prepbench.labels.QrLabels;
import prepbench.samples.Sample;
import prepbench.samples.SampleNotFound;
import prepbench.samples.SampleRegister;

/**
 * QR labels a technician scans: a formula's label carries {@code F=CODE}, an ingredient's
 * its primary code value, a sample's {@code S:CODE}. Each label as SVG or PNG, and a
 * printable sheet of many (A4, or 50 × 25 mm thermal labels).
 */
@Controller
class LabelPages {

    static final int MAX_LABELS = 240;

    private static final MediaType SVG = MediaType.valueOf("image/svg+xml");

    private static final CacheControl LABEL_CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate();

    private final FormulaCatalog catalog;

    private final IngredientManagement ingredients;

    private final QrLabels labels;

    private final SampleRegister samples;

    LabelPages(FormulaCatalog catalog, IngredientManagement ingredients, QrLabels labels, SampleRegister samples) {
        this.samples = samples;
        this.catalog = catalog;
        this.ingredients = ingredients;
        this.labels = labels;
    }

    @GetMapping("/formulas/{code}/label.svg")
    ResponseEntity<String> formulaLabelSvg(@PathVariable String code) {
        FormulaSummary formula = catalog.get(FormulaCode.of(code));
        return ResponseEntity.ok()
            .contentType(SVG)
            .cacheControl(LABEL_CACHE)
            .body(labels.svg(formulaContent(formula), formula.code().value()));
    }

    @GetMapping("/formulas/{code}/label.png")
    ResponseEntity<byte[]> formulaLabelPng(@PathVariable String code,
            @RequestParam(name = "scale", defaultValue = "8") int scale) {
        FormulaSummary formula = catalog.get(FormulaCode.of(code));
        return ResponseEntity.ok()
            .contentType(MediaType.IMAGE_PNG)
            .cacheControl(LABEL_CACHE)
            .body(labels.png(formulaContent(formula), formula.code().value(), clamp(scale)));
    }

    @GetMapping("/ingredients/{code}/label.svg")
    ResponseEntity<String> ingredientLabelSvg(@PathVariable String code) {
        Ingredient ingredient = ingredients.get(code);
        return ResponseEntity.ok()
            .contentType(SVG)
            .cacheControl(LABEL_CACHE)
            .body(labels.svg(ingredient.primaryCodeValue(), caption(ingredient)));
    }

    @GetMapping("/ingredients/{code}/label.png")
    ResponseEntity<byte[]> ingredientLabelPng(@PathVariable String code,
            @RequestParam(name = "scale", defaultValue = "8") int scale) {
        Ingredient ingredient = ingredients.get(code);
        return ResponseEntity.ok()
            .contentType(MediaType.IMAGE_PNG)
            .cacheControl(LABEL_CACHE)
            .body(labels.png(ingredient.primaryCodeValue(), caption(ingredient), clamp(scale)));
    }

    @GetMapping("/samples/{code}/label.svg")
    ResponseEntity<String> sampleLabelSvg(@PathVariable String code) {
        Sample sample = sample(code);
        return ResponseEntity.ok()
            .contentType(SVG)
            .cacheControl(LABEL_CACHE)
            .body(labels.svg(sampleContent(sample), sample.code()));
    }

    @GetMapping("/samples/{code}/label.png")
    ResponseEntity<byte[]> sampleLabelPng(@PathVariable String code,
            @RequestParam(name = "scale", defaultValue = "8") int scale) {
        Sample sample = sample(code);
        return ResponseEntity.ok()
            .contentType(MediaType.IMAGE_PNG)
            .cacheControl(LABEL_CACHE)
            .body(labels.png(sampleContent(sample), sample.code(), clamp(scale)));
    }

    /**
     * A printable sheet: A4, or one 50 × 25 mm thermal label a page ({@code size=50x25}).
     * {@code formulas}: codes separated by commas, or {@code released} for every released
     * formula; {@code ingredients}: codes, or {@code all} for every active ingredient;
     * {@code samples}: sample codes.
     */
    @GetMapping("/labels")
    String labelSheet(@RequestParam(defaultValue = "") String formulas,
            @RequestParam(defaultValue = "") String ingredients, @RequestParam(defaultValue = "") String samples,
            @RequestParam(defaultValue = "a4") String size, Model model) {
        List<Label> sheet = new ArrayList<>();
        if (formulas.strip().equalsIgnoreCase("released")) {
            catalog.search("", 500)
                .stream()
                .filter(FormulaSummary::isReleased)
                .forEach(formula -> sheet.add(label(formula)));
        }
        else {
            codes(formulas).forEach(code -> sheet.add(label(catalog.get(FormulaCode.of(code)))));
        }
        if (ingredients.strip().equalsIgnoreCase("all")) {
            this.ingredients.search("", 1000)
                .stream()
                .filter(Ingredient::active)
                .forEach(ingredient -> sheet.add(label(ingredient)));
        }
        else {
            codes(ingredients).forEach(code -> sheet.add(label(this.ingredients.get(code))));
        }
        codes(samples).forEach(code -> {
            Sample sample = sample(code);
            sheet.add(new Label("/samples/" + sample.code() + "/label.svg", sampleContent(sample),
                    Text.of("labels.name.sample", sample.code(), sample.formulaCode(), sample.attemptNo())));
        });
        model.addAttribute("thermal", size.strip().equalsIgnoreCase("50x25"));
        model.addAttribute("labels", sheet.subList(0, Math.min(sheet.size(), MAX_LABELS)));
        model.addAttribute("truncated", sheet.size() > MAX_LABELS);
        return "labels";
    }

    private static List<String> codes(String list) {
        return Arrays.stream(list.split(","))
            .map(String::strip)
            .filter(code -> !code.isEmpty())
            .distinct()
            .limit(MAX_LABELS)
            .toList();
    }

    private static Label label(FormulaSummary formula) {
        return new Label("/formulas/" + formula.code().value() + "/label.svg", formula.code().value(),
                Text.of("labels.name.formula", formula.name()));
    }

    private static Label label(Ingredient ingredient) {
        return new Label("/ingredients/" + ingredient.code().value() + "/label.svg", caption(ingredient),
                Text.of("labels.name.ingredient", ingredient.code().value(), ingredient.name()));
    }

    /**
     * What the formula's label encodes: the scan box and the scan decoder read
     * {@code F=CODE}.
     */
    static String formulaContent(FormulaSummary formula) {
        return "F=" + formula.code().value();
    }

    private static String caption(Ingredient ingredient) {
        String value = ingredient.primaryCodeValue();
        return value.length() > 64 ? value.substring(0, 63) + "…" : value;
    }

    private static int clamp(int scale) {
        return Math.max(1, Math.min(scale, 40));
    }

    private Sample sample(String code) {
        return samples.byCode(code).orElseThrow(() -> new SampleNotFound(code));
    }

    /**
     * What a sample's label encodes: the scan box and the scan decoder read
     * {@code S:CODE}.
     */
    private static String sampleContent(Sample sample) {
        return "S:" + sample.code();
    }

}
