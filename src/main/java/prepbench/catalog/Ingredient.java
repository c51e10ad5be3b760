package prepbench.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A raw material in the lab's catalogue, with the code values that identify its
 * containers.
 *
 * @param casNumber null when not given
 * @param densityGPerMl null when unknown (the ingredient then cannot be part of a volume
 * batch)
 * @param lotRequired whether a weighing of it needs the lot and expiry on record
 * @param revision increases with every save; a save made against an older revision is
 * refused
 */
public record Ingredient(UUID id, IngredientCode code, String name, String casNumber, String primaryCodeValue,
        List<String> alternativeCodeValues, List<Alias> aliases, String allowedSymbologies, String parser,
        BigDecimal densityGPerMl, boolean active, boolean lotRequired, int revision, Instant updatedAt,
        String updatedBy) {

    public Ingredient {
        alternativeCodeValues = List.copyOf(alternativeCodeValues);
        aliases = List.copyOf(aliases);
    }

    /**
     * A container code learned at the bench: scanned for a step of this ingredient while
     * no ingredient knew it. The identity gate accepts it once a lab lead has confirmed
     * it.
     *
     * @param confirmedAt null while it waits for a lab lead
     */
    public record Alias(String codeValue, String learnedBy, Instant learnedAt, int seenCount, Instant lastSeenAt,
            String confirmedBy, Instant confirmedAt) {

        public boolean confirmed() {
            return confirmedAt != null;
        }
    }
}
