package prepbench.ui;

import java.util.Arrays;
import java.util.List;

import prepbench.catalog.Ingredient;
import prepbench.catalog.IngredientEntry;

/**
 * The ingredient form as posted; every field is text as typed, so a wrong value comes
 * back to the lab lead as they typed it, with its message.
 *
 * @param alternativeCodeValues one code value per line
 */
public record IngredientForm(String code, String name, String casNumber, String primaryCodeValue,
        String alternativeCodeValues, String allowedSymbologies, String parser, String density, Boolean active,
        Boolean lotRequired, Integer revision) {

    static IngredientForm blank() {
        return new IngredientForm("", "", "", "", "", "", "plain", "", true, false, null);
    }

    static IngredientForm of(Ingredient ingredient) {
        return new IngredientForm(ingredient.code().value(), ingredient.name(),
                ingredient.casNumber() == null ? "" : ingredient.casNumber(), ingredient.primaryCodeValue(),
                String.join("\n", ingredient.alternativeCodeValues()), ingredient.allowedSymbologies(),
                ingredient.parser(),
                ingredient.densityGPerMl() == null ? "" : Format.amount(ingredient.densityGPerMl()),
                ingredient.active(), ingredient.lotRequired(), ingredient.revision());
    }

    IngredientEntry entry() {
        List<String> alternatives = alternativeCodeValues == null ? List.of()
                : Arrays.stream(alternativeCodeValues.split("[\\r\\n]+"))
                    .map(String::strip)
                    .filter(value -> !value.isEmpty())
                    .toList();
        return new IngredientEntry(code, name, casNumber, primaryCodeValue, alternatives, allowedSymbologies, parser,
                density, Boolean.TRUE.equals(active), Boolean.TRUE.equals(lotRequired), revision);
    }

    public boolean isLotRequired() {
        return Boolean.TRUE.equals(lotRequired);
    }

    public boolean isActive() {
        return Boolean.TRUE.equals(active);
    }

    public String text(String value) {
        return value == null ? "" : value;
    }
}
