package prepbench.catalog;

import prepbench.entry.Codes;
import java.util.Optional;

/**
 * An ingredient's code in the lab's catalogue, such as {@code ETH-001}; not the code
 * value on its containers. Codes compare case-insensitively, so the canonical form is
 * upper case.
 */
public record IngredientCode(String value) {

    public IngredientCode {
        if (!Codes.isCanonical(value)) {
            throw new IllegalArgumentException("Not a canonical ingredient code: " + value);
        }
    }

    /** Trims and upper-cases user input; empty when it is not a code. */
    public static Optional<IngredientCode> tryParse(String input) {
        return Codes.canonical(input).map(IngredientCode::new);
    }

    @Override
    public String toString() {
        return value;
    }
}
