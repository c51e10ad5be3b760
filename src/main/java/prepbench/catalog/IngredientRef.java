package prepbench.catalog;

import java.util.UUID;

/**
 * An ingredient as a formula line refers to it: its id, its code and whether it is
 * active.
 */
public record IngredientRef(UUID id, String code, boolean active) {
}
