package prepbench.ui;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;

import prepbench.access.Actor;
import prepbench.audit.AuditTrail;
import prepbench.preparation.PreparationManagement;
import prepbench.catalog.Ingredient;
import prepbench.catalog.IngredientManagement;
import prepbench.entry.InvalidEntry;

/** The ingredients pages: list, create, edit, and the aliases learned at the bench. */
@Controller
class IngredientPages {

    private final IngredientManagement ingredients;

    private final AuditTrail audit;

    private final PreparationManagement preparations;

    IngredientPages(IngredientManagement ingredients, AuditTrail audit, PreparationManagement preparations) {
        this.preparations = preparations;
        this.ingredients = ingredients;
        this.audit = audit;
    }

    @GetMapping("/ingredients")
    String listIngredients(@RequestParam(name = "q", defaultValue = "") String text, Model model) {
        model.addAttribute("q", text.length() > 100 ? text.substring(0, 100) : text);
        model.addAttribute("ingredients", ingredients.search(text.length() > 100 ? "" : text, 1000));
        return "ingredients";
    }

    @GetMapping("/ingredients/new")
    String newIngredient(Model model) {
        return page(model, null, IngredientForm.blank(), Map.of());
    }

    @PostMapping("/ingredients")
    Object createIngredient(@ModelAttribute IngredientForm form, Actor editor, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        try {
            Ingredient created = ingredients.create(editor, form.entry());
            return Redirects.seeOther("/ingredients/" + created.code().value());
        }
        catch (InvalidEntry invalid) {
            response.setStatus(422);
            return page(model, null, form, invalid.problems(Languages.words(request)));
        }
    }

    @GetMapping("/ingredients/{code}")
    String showIngredient(@PathVariable String code, Model model) {
        Ingredient ingredient = ingredients.get(code);
        return page(model, ingredient, IngredientForm.of(ingredient), Map.of());
    }

    @PostMapping("/ingredients/{code}")
    Object saveIngredient(@PathVariable String code, @ModelAttribute IngredientForm form, Actor editor, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Ingredient ingredient = ingredients.get(code);
        return CatalogForms.save(() -> ingredients.update(editor, code, form.entry()),
                "/ingredients/" + ingredient.code().value() + "?saved", response, Languages.words(request),
                errors -> page(model, ingredient, form, errors));
    }

    @PostMapping("/ingredients/{code}/aliases/confirm")
    View confirmAlias(@PathVariable String code, @RequestParam(defaultValue = "") String value, Actor editor) {
        Ingredient ingredient = ingredients.confirmAlias(editor, code, value);
        return Redirects.seeOther("/ingredients/" + ingredient.code().value() + "#aliases");
    }

    @PostMapping("/ingredients/{code}/aliases/remove")
    View removeAlias(@PathVariable String code, @RequestParam(defaultValue = "") String value, Actor editor) {
        Ingredient ingredient = ingredients.removeAlias(editor, code, value);
        return Redirects.seeOther("/ingredients/" + ingredient.code().value() + "#aliases");
    }

    private String page(Model model, Ingredient ingredient, IngredientForm form, Map<String, String> errors) {
        String code = ingredient == null ? null : ingredient.code().value();
        model.addAttribute("page",
                new IngredientPage(ingredient, form, errors, code == null ? List.of() : audit.forIngredient(code),
                        code == null ? null : audit.verifyIngredient(code),
                        code == null ? List.of() : preparations.lotsOf(code)));
        return "ingredient";
    }

}
