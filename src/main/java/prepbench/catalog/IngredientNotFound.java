package prepbench.catalog;

import prepbench.entry.Text;
import prepbench.entry.Worded;

/** No ingredient has this code. */
public class IngredientNotFound extends RuntimeException implements Worded {

    private final Text text;

    private IngredientNotFound(Text text) {
        super(text.english());
        this.text = text;
    }

    public static IngredientNotFound forCode(String code) {
        return new IngredientNotFound(Text.of("entry.ingredient.not-found", code));
    }

    @Override
    public Text text() {
        return text;
    }

}
