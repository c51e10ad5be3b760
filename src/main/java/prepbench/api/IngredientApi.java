package prepbench.api;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import prepbench.access.Actor;
import prepbench.catalog.Ingredient;
import prepbench.catalog.IngredientEntry;
import prepbench.catalog.IngredientManagement;

/**
 * Ingredients: everyone reads; lab leads and admins create and edit (a PUT carries the
 * revision it edited).
 */
@RestController
@RequestMapping("/api/v1/ingredients")
class IngredientApi {

    private final IngredientManagement ingredients;

    IngredientApi(IngredientManagement ingredients) {
        this.ingredients = ingredients;
    }

    @Operation(summary = "Ingredients whose code or name contains the text")
    @GetMapping
    List<IngredientDto> searchIngredients(@RequestParam(name = "q", defaultValue = "") String text,
            @RequestParam(defaultValue = "200") int limit) {
        return ingredients.search(text, limit).stream().map(IngredientDto::of).toList();
    }

    @Operation(summary = "One ingredient with its container codes")
    @GetMapping("/{code}")
    IngredientDto showIngredient(@PathVariable String code) {
        return IngredientDto.of(ingredients.get(code));
    }

    @Operation(summary = "Creates an ingredient (lab lead, admin)")
    @PostMapping
    ResponseEntity<IngredientDto> createIngredient(@RequestBody IngredientEntry entry, Actor editor) {
        Ingredient created = ingredients.create(editor, entry);
        return ResponseEntity.created(URI.create("/api/v1/ingredients/" + created.code().value()))
            .body(IngredientDto.of(created));
    }

    @Operation(summary = "Changes an ingredient, if nobody saved it since the given revision (lab lead, admin)")
    @PutMapping("/{code}")
    IngredientDto updateIngredient(@PathVariable String code, @RequestBody IngredientEntry entry, Actor editor) {
        return IngredientDto.of(ingredients.update(editor, code, entry));
    }

    /** The alias travels in the body: learned from scans, it may hold '/', '%' or ';'. */
    record AliasRequest(String codeValue) {
    }

    @Operation(summary = "Confirms a container code learned at the bench (lab lead, admin)")
    @PostMapping("/{code}/aliases/confirm")
    IngredientDto confirmAlias(@PathVariable String code, @RequestBody AliasRequest alias, Actor editor) {
        return IngredientDto.of(ingredients.confirmAlias(editor, code, alias.codeValue()));
    }

    @Operation(summary = "Removes a container code learned at the bench (lab lead, admin)")
    @PostMapping("/{code}/aliases/remove")
    IngredientDto removeAlias(@PathVariable String code, @RequestBody AliasRequest alias, Actor editor) {
        return IngredientDto.of(ingredients.removeAlias(editor, code, alias.codeValue()));
    }

}
