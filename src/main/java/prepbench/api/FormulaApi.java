package prepbench.api;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import prepbench.formulas.FormulaCatalog;
import prepbench.formulas.FormulaCode;
import prepbench.formulas.FormulaSummary;

@RestController
@RequestMapping("/api/v1/formulas")
class FormulaApi {

    private final FormulaCatalog catalog;

    FormulaApi(FormulaCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    List<FormulaDto> searchFormulas(@RequestParam(name = "q", defaultValue = "") String text,
            @RequestParam(defaultValue = "100") int limit) {
        return catalog.search(text, limit).stream().map(FormulaDto::summary).toList();
    }

    @GetMapping("/{code}")
    FormulaDto showFormula(@PathVariable String code) {
        FormulaSummary formula = catalog.get(FormulaCode.of(code));
        return formula.isReleased() ? FormulaDto.released(catalog.released(formula.code()))
                : FormulaDto.summary(formula);
    }
}
