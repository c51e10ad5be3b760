package prepbench.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import prepbench.catalog.Ingredient;

/** An ingredient as the API shows it. */
record IngredientDto(UUID id, String code, String name, String casNumber, String primaryCodeValue,
        List<String> alternativeCodeValues, List<AliasDto> aliases, String allowedSymbologies, String parser,
        BigDecimal densityGPerMl, boolean active, boolean lotRequired, int revision, Instant updatedAt,
        String updatedBy) {

    record AliasDto(String codeValue, String learnedBy, Instant learnedAt, int seenCount, Instant lastSeenAt,
            boolean confirmed, String confirmedBy, Instant confirmedAt) {
    }

    static IngredientDto of(Ingredient ingredient) {
        return new IngredientDto(ingredient.id(), ingredient.code().value(), ingredient.name(), ingredient.casNumber(),
                ingredient.primaryCodeValue(), ingredient.alternativeCodeValues(),
                ingredient.aliases()
                    .stream()
                    .map(alias -> new AliasDto(alias.codeValue(), alias.learnedBy(), alias.learnedAt(),
                            alias.seenCount(), alias.lastSeenAt(), alias.confirmed(), alias.confirmedBy(),
                            alias.confirmedAt()))
                    .toList(),
                ingredient.allowedSymbologies(), ingredient.parser(), Json.plain(ingredient.densityGPerMl()),
                ingredient.active(), ingredient.lotRequired(), ingredient.revision(), ingredient.updatedAt(),
                ingredient.updatedBy());
    }
}
