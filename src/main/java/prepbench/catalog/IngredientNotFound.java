package prepbench.catalog;

/** No ingredient has this code. */
public class IngredientNotFound extends RuntimeException {

    private IngredientNotFound(String code) {
        super("Ingredient not found: " + code);
    }

    public static IngredientNotFound forCode(String code) {
        return new IngredientNotFound(code);
    }

}
