package prepbench.ui;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;

import prepbench.access.Actor;
import prepbench.audit.AuditTrail;
import prepbench.catalog.CatalogRefused;
import prepbench.formulas.FormulaCatalog;
import prepbench.formulas.FormulaCode;
import prepbench.formulas.FormulaManagement;
import prepbench.formulas.FormulaVersion;
import prepbench.catalog.Ingredient;
import prepbench.catalog.IngredientManagement;
import prepbench.entry.InvalidEntry;
import prepbench.preparation.FormulaLock;
import prepbench.preparation.PreparationManagement;

/**
 * The formula management pages: list, create, versions, the draft editor, release with
 * signature, retire.
 */
@Controller
class FormulaPages {

    private static final int SESSIONS_PER_VERSION = 20;

    private final FormulaCatalog catalog;

    private final FormulaManagement formulas;

    private final IngredientManagement ingredients;

    private final PreparationManagement preparations;

    private final AuditTrail audit;

    FormulaPages(FormulaCatalog catalog, FormulaManagement formulas, IngredientManagement ingredients,
            PreparationManagement preparations, AuditTrail audit) {
        this.catalog = catalog;
        this.formulas = formulas;
        this.ingredients = ingredients;
        this.preparations = preparations;
        this.audit = audit;
    }

    @GetMapping("/formulas")
    String listFormulas(@RequestParam(name = "q", defaultValue = "") String text, Model model) {
        String query = text.length() > 100 ? text.substring(0, 100) : text;
        model.addAttribute("q", query);
        model.addAttribute("formulas", catalog.search(query, 500));
        return "formulas";
    }

    @GetMapping("/formulas/new")
    String newFormula(Model model) {
        return newFormulaPage(model, Map.of("batchAmount", "100", "batchUnit", "g"), Map.of());
    }

    @PostMapping("/formulas")
    Object createFormula(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String batchAmount, @RequestParam(defaultValue = "") String batchUnit,
            Actor editor, Model model, HttpServletRequest request, HttpServletResponse response) {
        try {
            FormulaVersion created = formulas.create(editor, code, name, batchAmount, batchUnit);
            return Redirects.seeOther("/formulas/" + created.code().value() + "/draft");
        }
        catch (InvalidEntry invalid) {
            response.setStatus(422);
            return newFormulaPage(model,
                    Map.of("code", code, "name", name, "batchAmount", batchAmount, "batchUnit", batchUnit),
                    invalid.problems(Languages.words(request)));
        }
    }

    private String newFormulaPage(Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "formula-new";
    }

    @GetMapping("/formulas/{code}")
    String showFormula(@PathVariable String code, Model model) {
        return versionsPage(FormulaCode.of(code), model, null);
    }

    /** Adds a test after preparation; a refusal names the field on the formula's page. */
    @PostMapping("/formulas/{code}/tests")
    Object defineTest(@PathVariable String code, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String delay, @RequestParam(defaultValue = "hours") String unit,
            Actor editor, HttpServletRequest request, HttpServletResponse response, Model model) {
        FormulaCode formula = FormulaCode.of(code);
        try {
            formulas.defineTest(editor, formula, name, delay, unit);
            return Redirects.seeOther("/formulas/" + formula.value() + "#tests");
        }
        catch (InvalidEntry invalid) {
            response.setStatus(422);
            return versionsPage(formula, model, String.join(" ", invalid.problems(Languages.words(request)).values()));
        }
    }

    @PostMapping("/formulas/{code}/tests/{test}/remove")
    View removeTest(@PathVariable String code, @PathVariable java.util.UUID test, Actor editor) {
        FormulaCode formula = FormulaCode.of(code);
        formulas.removeTest(editor, formula, test);
        return Redirects.seeOther("/formulas/" + formula.value() + "#tests");
    }

    private String versionsPage(FormulaCode code, Model model, String message) {
        List<FormulaVersion> versions = formulas.versions(code);
        Map<Integer, PreparationManagement.VersionSessions> sessions = versions.stream()
            .collect(Collectors.toMap(FormulaVersion::versionNo,
                    version -> preparations.sessionsOfVersion(version.versionId(), SESSIONS_PER_VERSION)));
        FormulaLock lock = preparations.lockedFormulas()
            .stream()
            .filter(locked -> locked.formulaCode().equals(code.value()))
            .findFirst()
            .orElse(null);
        model.addAttribute("page",
                new FormulaVersionsPage(versions, sessions, audit.forFormulaVersions(code.value()),
                        audit.verifyFormulaVersions(code.value()), message, lock, audit.forFormula(code.value()),
                        audit.verifyFormula(code.value()), formulas.tests(code)));
        return "formula-versions";
    }

    /**
     * Opens the draft (a new version copied from the newest when there is none) and shows
     * the editor.
     */
    @PostMapping("/formulas/{code}/draft")
    View openDraft(@PathVariable String code, Actor editor) {
        FormulaVersion draft = formulas.openDraft(editor, FormulaCode.of(code));
        return Redirects.seeOther("/formulas/" + draft.code().value() + "/draft");
    }

    @GetMapping("/formulas/{code}/draft")
    Object showDraft(@PathVariable String code, Model model) {
        FormulaCode formula = FormulaCode.of(code);
        return formulas.draft(formula)
            .<Object>map(draft -> draftPage(model, draft, DraftForm.of(draft), Map.of()))
            .orElseGet(() -> Redirects.seeOther("/formulas/" + formula.value()));
    }

    @PostMapping("/formulas/{code}/draft/save")
    Object saveDraft(@PathVariable String code, @RequestParam MultiValueMap<String, String> params, Actor editor,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        FormulaCode formula = FormulaCode.of(code);
        FormulaVersion draft = formulas.draft(formula).orElseThrow(() -> CatalogRefused.noDraft(formula.value()));
        DraftForm form = DraftForm.of(params);
        if (params.containsKey("addRows")) {
            return draftPage(model, draft, form.withBlankRows(5), Map.of());
        }
        return CatalogForms.save(() -> formulas.saveDraft(editor, formula, form.entry()),
                "/formulas/" + formula.value() + "/draft?saved", response, Languages.words(request),
                errors -> draftPage(model, draft, form, errors));
    }

    @PostMapping("/formulas/{code}/draft/discard")
    View discardDraft(@PathVariable String code, @RequestParam(defaultValue = "0") int revision, Actor editor) {
        FormulaCode formula = FormulaCode.of(code);
        formulas.discardDraft(editor, formula, revision);
        return Redirects.seeOther("/formulas/" + formula.value());
    }

    private String draftPage(Model model, FormulaVersion draft, DraftForm form, Map<String, String> errors) {
        Map<String, String> names = ingredients.search("", 1000)
            .stream()
            .filter(Ingredient::active)
            .collect(Collectors.toMap(ingredient -> ingredient.code().value(), Ingredient::name,
                    (first, second) -> first, java.util.LinkedHashMap::new));
        model.addAttribute("page", new DraftPage(draft, form, names, errors));
        return "formula-draft";
    }

    @PostMapping("/formulas/{code}/versions/{versionNo}/release")
    Object releaseVersion(@PathVariable String code, @PathVariable int versionNo,
            @RequestParam(defaultValue = "0") int revision, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "false") boolean meaning, Actor editor, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        FormulaCode formula = FormulaCode.of(code);
        try {
            formulas.release(editor, formula, versionNo, revision, password, meaning);
            return Redirects.seeOther("/formulas/" + formula.value() + "?released=" + versionNo);
        }
        catch (CatalogRefused refused) {
            response.setStatus(409);
            return versionsPage(formula, model, Languages.words(request).message(refused));
        }
    }

    @PostMapping("/formulas/{code}/versions/{versionNo}/retire")
    Object retireVersion(@PathVariable String code, @PathVariable int versionNo,
            @RequestParam(defaultValue = "") String reason, Actor editor, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        FormulaCode formula = FormulaCode.of(code);
        try {
            formulas.retire(editor, formula, versionNo, reason);
            return Redirects.seeOther("/formulas/" + formula.value());
        }
        catch (InvalidEntry | CatalogRefused refused) {
            response.setStatus(refused instanceof InvalidEntry ? 422 : 409);
            return versionsPage(formula, model, Languages.words(request).message(refused));
        }
    }

}
