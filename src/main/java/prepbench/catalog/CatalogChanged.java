package prepbench.catalog;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something in the catalogue changed, or a change was refused: the audit module records
 * it in the subject's chain, in the transaction that made the change.
 *
 * @param subject {@code ingredient} or {@code formula}
 * @param code the ingredient's or formula's code
 * @param action such as {@code INGREDIENT_CREATED}, {@code DRAFT_SAVED},
 * {@code VERSION_RELEASED}
 * @param details what changed: for edits, each field's old and new value
 */
public record CatalogChanged(Instant at, String actor, String subject, String code, String action,
        Map<String, Object> details) {

    public static final String INGREDIENT = "ingredient";

    public static final String FORMULA = "formula";

    /**
     * The actor of what the demo data writes: no person wrote it, and no one signed its
     * releases.
     */
    public static final String DEMO_DATA = "demo-data";

    public CatalogChanged {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /**
     * Each field of {@code after} whose value differs from {@code before}'s, as
     * {@code {old, new}}.
     */
    public static Map<String, Object> differences(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> changes = new LinkedHashMap<>();
        after.forEach((field, value) -> {
            Object old = before.get(field);
            if (!Objects.equals(old, value)) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("old", old);
                change.put("new", value);
                changes.put(field, change);
            }
        });
        return changes;
    }
}
