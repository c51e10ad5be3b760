package prepbench.catalog;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import prepbench.access.Actor;
import prepbench.access.Permission;
import prepbench.catalog.CatalogRefused.Reason;
import prepbench.entry.Entries;
import prepbench.entry.InvalidEntry;
import prepbench.entry.Text;

/**
 * The lab's ingredients: created and edited by lab leads and admins, read by everyone.
 * Every change is audited with the old and new value of each field that changed.
 */
@Service
public class IngredientManagement {

    private static final Logger log = LoggerFactory.getLogger(IngredientManagement.class);

    private final Ingredients ingredients;

    private final ApplicationEventPublisher events;

    private final TransactionTemplate transaction;

    private final TransactionTemplate readOnly;

    private final TransactionTemplate nested;

    private final Clock clock;

    IngredientManagement(Ingredients ingredients, ApplicationEventPublisher events,
            PlatformTransactionManager transactions, Clock clock) {
        this.ingredients = ingredients;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    /**
     * Ingredients whose code or name contains the text, by code; all of them for blank
     * text.
     */
    public List<Ingredient> search(String text, int limit) {
        return readOnly
            .execute(tx -> ingredients.search(text == null ? "" : text.strip(), Math.max(1, Math.min(limit, 1000))));
    }

    /**
     * @throws IngredientNotFound when no ingredient has the code
     */
    public Ingredient get(String code) {
        return find(code).orElseThrow(() -> IngredientNotFound.forCode(code));
    }

    /**
     * The ingredients with these codes (upper case), by code; a code no ingredient has is
     * absent.
     */
    public Map<String, IngredientRef> refs(List<String> codes) {
        return readOnly.execute(tx -> ingredients.refs(codes));
    }

    public Optional<Ingredient> find(String code) {
        return IngredientCode.tryParse(code).flatMap(valid -> readOnly.execute(tx -> ingredients.find(valid)));
    }

    /**
     * Adds an ingredient.
     * @throws InvalidEntry when a field is wrong or a code is taken (nothing is written)
     * @throws CatalogRefused when the editor may not edit
     */
    public Ingredient create(Actor editor, IngredientEntry entry) {
        editor.require(Permission.EDIT_CATALOG);
        IngredientEntry.Valid valid;
        try {
            valid = entry.validate();
        }
        catch (InvalidEntry invalid) {
            // a taken code is reported with the other problems, not after they are fixed
            Map<String, Text> problems = new LinkedHashMap<>(invalid.texts());
            IngredientCode.tryParse(entry.code())
                .filter(code -> find(code.value()).isPresent())
                .ifPresent(code -> problems.put("code", taken(code)));
            throw new InvalidEntry(problems);
        }
        try {
            return transaction.execute(tx -> {
                if (ingredients.find(valid.code()).isPresent()) {
                    throw InvalidEntry.of("code", taken(valid.code()));
                }
                requireCodeValuesFree(valid, null);
                Instant now = clock.instant();
                ingredients.insert(UUID.randomUUID(), valid, editor.username(), now);
                events.publishEvent(new CatalogChanged(now, editor.username(), CatalogChanged.INGREDIENT,
                        valid.code().value(), "INGREDIENT_CREATED", fieldsOf(valid)));
                return ingredients.find(valid.code()).orElseThrow();
            });
        }
        catch (DuplicateKeyException takenMeanwhile) {
            throw takenMeanwhile(valid);
        }
    }

    /**
     * Saves changes to an ingredient if nobody saved it since the editor read it
     * ({@code entry.revision()}). The code itself does not change.
     * @throws CatalogRefused {@code CHANGED_MEANWHILE} when someone else saved it first
     */
    public Ingredient update(Actor editor, String code, IngredientEntry entry) {
        editor.require(Permission.EDIT_CATALOG);
        IngredientCode existingCode = IngredientCode.tryParse(code).orElseThrow(() -> IngredientNotFound.forCode(code));
        IngredientEntry.Valid valid = new IngredientEntry(existingCode.value(), entry.name(), entry.casNumber(),
                entry.primaryCodeValue(), entry.alternativeCodeValues(), entry.allowedSymbologies(), entry.parser(),
                entry.density(), entry.active(), entry.lotRequired(), entry.revision())
            .validate();
        try {
            return transaction.execute(tx -> {
                Ingredient before = ingredients.lock(existingCode).orElseThrow(() -> IngredientNotFound.forCode(code));
                if (entry.revision() == null || entry.revision() != before.revision()) {
                    throw CatalogRefused.changedMeanwhile(Text.of("entry.catalog.what.ingredient", before.code()),
                            before.updatedBy());
                }
                requireCodeValuesFree(valid, before.code().value());
                Map<String, Object> changes = CatalogChanged.differences(fields(before), fieldsOf(valid));
                if (changes.isEmpty()) {
                    return before;
                }
                Instant now = clock.instant();
                ingredients.update(before.id(), before.revision(), valid, editor.username(), now);
                events.publishEvent(new CatalogChanged(now, editor.username(), CatalogChanged.INGREDIENT,
                        before.code().value(), "INGREDIENT_CHANGED", changes));
                return ingredients.find(existingCode).orElseThrow();
            });
        }
        catch (DuplicateKeyException takenMeanwhile) {
            throw takenMeanwhile(valid);
        }
    }

    /**
     * A lab lead confirms a learned alias: from now on the identity gate accepts it for
     * new preparations.
     */
    public Ingredient confirmAlias(Actor editor, String code, String codeValue) {
        return changeAlias(editor, code, codeValue, "ALIAS_CONFIRMED",
                (ingredient, value, now) -> ingredients.confirmAlias(ingredient.id(), value, editor.username(), now));
    }

    /** A lab lead removes a learned alias (confirmed or not). */
    public Ingredient removeAlias(Actor editor, String code, String codeValue) {
        return changeAlias(editor, code, codeValue, "ALIAS_REMOVED",
                (ingredient, value, now) -> ingredients.removeAlias(ingredient.id(), value));
    }

    private interface AliasChange {

        boolean apply(Ingredient ingredient, String codeValue, Instant now);

    }

    private Ingredient changeAlias(Actor editor, String code, String typedValue, String action, AliasChange change) {
        editor.require(Permission.EDIT_CATALOG);
        String codeValue = typedValue == null ? null : typedValue.strip().toUpperCase(Locale.ROOT);
        IngredientCode valid = IngredientCode.tryParse(code).orElseThrow(() -> IngredientNotFound.forCode(code));
        return transaction.execute(tx -> {
            Ingredient ingredient = ingredients.lock(valid).orElseThrow(() -> IngredientNotFound.forCode(code));
            Instant now = clock.instant();
            if (codeValue == null || !change.apply(ingredient, codeValue, now)) {
                throw new CatalogRefused(
                        Reason.NO_SUCH_ALIAS, Text.of(
                                action.equals("ALIAS_CONFIRMED") ? "entry.ingredient.no-unconfirmed-alias"
                                        : "entry.ingredient.no-alias",
                                valid, Entries.quoted(String.valueOf(codeValue))));
            }
            events.publishEvent(new CatalogChanged(now, editor.username(), CatalogChanged.INGREDIENT, valid.value(),
                    action, Map.of("codeValue", codeValue)));
            return ingredients.find(valid).orElseThrow();
        });
    }

    /**
     * Learns a container code at the bench: a code value no ingredient knows, scanned for
     * a step of this ingredient, becomes a proposed alias (or is seen once more). The
     * gate does not accept it until a lab lead confirms it. Runs in the caller's
     * transaction.
     */
    public void proposeAlias(UUID ingredientId, String codeValue, String scannedBy) {
        String typed = codeValue == null ? "" : codeValue.strip();
        if (!IngredientEntry.CODE_VALUE.matcher(typed).matches()) {
            return;
        }
        String value = typed.toUpperCase(Locale.ROOT);
        try {
            // a savepoint: learning is a side effect of a refused scan and must never
            // undo the refusal's own
            // transaction (on PostgreSQL a failed statement aborts it)
            nested.executeWithoutResult(tx -> propose(ingredientId, value, scannedBy));
        }
        catch (DuplicateKeyException learnedElsewhere) {
            // another ingredient proposed the same code first: it identifies that one
            // now, not this one
        }
        catch (DataAccessException failed) {
            log.warn("Could not learn {} as an alias of ingredient {}; the scan was refused all the same", value,
                    ingredientId, failed);
        }
    }

    private void propose(UUID ingredientId, String value, String scannedBy) {
        Optional<Ingredient> ingredient = ingredients.lock(ingredientId);
        if (ingredient.isEmpty()) {
            return;
        }
        Optional<String> owner = ingredients.ownerOfCodeValue(value).map(Ingredients.CodeOwner::code);
        if (owner.filter(code -> !code.equals(ingredient.get().code().value())).isPresent()) {
            return;
        }
        boolean known = ingredient.get().aliases().stream().anyMatch(alias -> alias.codeValue().equals(value));
        if (owner.isPresent() && !known) {
            return;
        }
        Instant now = clock.instant();
        ingredients.proposeAlias(ingredientId, value, scannedBy, now);
        if (!known) {
            events.publishEvent(new CatalogChanged(now, scannedBy, CatalogChanged.INGREDIENT,
                    ingredient.get().code().value(), "ALIAS_PROPOSED", Map.of("codeValue", value)));
        }
    }

    private void requireCodeValuesFree(IngredientEntry.Valid valid, String self) {
        Map<String, Text> problems = new LinkedHashMap<>();
        checkFree(valid.primaryCodeValue(), "primaryCodeValue", self, problems);
        valid.alternativeCodeValues().forEach(value -> checkFree(value, "alternativeCodeValues", self, problems));
        if (!problems.isEmpty()) {
            throw new InvalidEntry(problems);
        }
    }

    private void checkFree(String value, String field, String self, Map<String, Text> problems) {
        ingredients.ownerOfCodeValue(value)
            .filter(owner -> !owner.code().equals(self))
            .ifPresent(
                    owner -> problems.putIfAbsent(
                            field, Text.of(
                                    owner.unconfirmedAlias() ? "entry.ingredient.code-value-learned"
                                            : "entry.ingredient.code-value-taken",
                                    Entries.quoted(value), owner.code())));
    }

    private static Text taken(IngredientCode code) {
        return Text.of("entry.ingredient.code-taken", code);
    }

    private static InvalidEntry takenMeanwhile(IngredientEntry.Valid valid) {
        return InvalidEntry.of("code", Text.of("entry.ingredient.saved-meanwhile", valid.code()));
    }

    /**
     * The ingredient's fields as its audit events record them (created with all of them,
     * changed field by field): verification compares an ingredient with what its events
     * set.
     */
    public static Map<String, Object> recordedFields(Ingredient ingredient) {
        return fields(ingredient);
    }

    private static Map<String, Object> fields(Ingredient ingredient) {
        return fields(ingredient.name(), ingredient.casNumber(), ingredient.primaryCodeValue(),
                ingredient.alternativeCodeValues(), ingredient.allowedSymbologies(), ingredient.parser(),
                ingredient.densityGPerMl(), ingredient.active(), ingredient.lotRequired());
    }

    private static Map<String, Object> fieldsOf(IngredientEntry.Valid entry) {
        return fields(entry.name(), entry.casNumber() == null ? null : entry.casNumber().value(),
                entry.primaryCodeValue(), entry.alternativeCodeValues(), entry.allowedSymbologies(), entry.parser(),
                entry.density(), entry.active(), entry.lotRequired());
    }

    private static Map<String, Object> fields(String name, String cas, String primary, List<String> alternatives,
            String symbologies, String parser, BigDecimal density, boolean active, boolean lotRequired) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("casNumber", cas);
        fields.put("primaryCodeValue", primary);
        fields.put("alternativeCodeValues", String.join(" ", alternatives));
        fields.put("allowedSymbologies", symbologies);
        fields.put("parser", parser);
        fields.put("densityGPerMl", density == null ? null : density.stripTrailingZeros().toPlainString());
        fields.put("active", active);
        fields.put("lotRequired", lotRequired);
        return fields;
    }

}
