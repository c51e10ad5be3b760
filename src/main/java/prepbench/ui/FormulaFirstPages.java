package prepbench.ui;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import prepbench.access.Actor;
import prepbench.access.Permission;
import prepbench.formulas.FormulaCatalog;
import prepbench.formulas.FormulaCode;
import prepbench.formulas.FormulaSummary;
import prepbench.preparation.BatchSize;
import prepbench.preparation.InvalidBatch;
import prepbench.preparation.PreparationManagement;
import prepbench.preparation.StartPreparation;

/**
 * {@code /formula-first}: the way into a preparation from a formula. With
 * {@code auto=start} it starts or resumes at once and answers 303 to the preparation;
 * without, it shows the formula and a batch-size form.
 */
@Controller
class FormulaFirstPages {

    private final FormulaCatalog catalog;

    private final PreparationManagement preparations;

    FormulaFirstPages(FormulaCatalog catalog, PreparationManagement preparations) {
        this.catalog = catalog;
        this.preparations = preparations;
    }

    @GetMapping("/formula-first")
    Object showFormula(@RequestParam(required = false) String code, @RequestParam(required = false) String auto,
            @RequestParam(required = false) String amount, @RequestParam(required = false) String unit,
            @RequestParam(required = false) String bench, Actor operator,
            @RequestHeader(name = "Sec-Fetch-Site", required = false) String fetchSite) {
        FormulaCode formulaCode = FormulaCode.of(code);
        // A link on another site must not start preparations for whoever is signed in: it
        // gets the formula page.
        boolean crossSite = "cross-site".equalsIgnoreCase(fetchSite);
        if ("start".equalsIgnoreCase(auto) && operator.may(Permission.PREPARE) && !crossSite) {
            BatchSize batch = amount == null && unit == null ? null
                    : BatchSize.parse(amount, unit == null ? "g" : unit);
            return start(formulaCode, operator, batch, bench);
        }
        return formulaPage(catalog.get(formulaCode), amount, unit, Map.of(), HttpStatus.OK);
    }

    @PostMapping("/formula-first")
    Object startPreparation(@RequestParam(required = false) String code, @RequestParam(required = false) String amount,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String bench, Actor operator,
            HttpServletRequest request) {
        FormulaCode formulaCode = FormulaCode.of(code);
        try {
            return start(formulaCode, operator, BatchSize.parse(amount, unit), bench);
        }
        catch (InvalidBatch refused) {
            return formulaPage(catalog.get(formulaCode), amount, unit,
                    Map.of(refused.field(), Languages.words(request).message(refused)),
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    private Object start(FormulaCode code, Actor operator, BatchSize batch, String bench) {
        var outcome = preparations.startOrResume(new StartPreparation(code, operator, batch, blankToNull(bench)));
        return Redirects.seeOther("/preparations/" + outcome.session().id());
    }

    private ModelAndView formulaPage(FormulaSummary formula, String amount, String unit, Map<String, String> errors,
            HttpStatus status) {
        var released = formula.isReleased() ? catalog.released(formula.code()) : null;
        String shownAmount = amount != null ? amount : released == null ? "" : Format.amount(released.defaultAmount());
        String shownUnit = unit != null ? unit : released == null ? "g" : released.defaultUnit().symbol();
        ModelAndView page = new ModelAndView("formula",
                Map.of("page", new FormulaPage(formula, released, shownAmount, shownUnit, errors)));
        page.setStatus(status);
        return page;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

}
