package prepbench.catalog;

import prepbench.entry.Text;
import prepbench.entry.WordedRefusal;

/** No ingredient has this code. */
public class IngredientNotFound extends WordedRefusal {

    private IngredientNotFound(Text text) {
        super(text);
    }

    public static IngredientNotFound forCode(String code) {
        return new IngredientNotFound(Text.of("entry.ingredient.not-found", code));
    }

}
