package prepbench.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores ingredients and their identity code values (primary, alternatives, learned
 * aliases).
 */
@Repository
class Ingredients {

    private static final String COLUMNS = """
            id, code, name, cas_number, primary_code_value, allowed_symbologies, parser, density_g_per_ml, active,
            lot_required, revision, updated_at, updated_by""";

    private final JdbcClient jdbc;

    Ingredients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Ingredient> find(IngredientCode code) {
        return one("code = :key", code.value(), "");
    }

    /** Reads the ingredient and keeps its row locked until the transaction ends. */
    Optional<Ingredient> lock(IngredientCode code) {
        return one("code = :key", code.value(), " FOR UPDATE");
    }

    Optional<Ingredient> lock(UUID id) {
        return one("id = :key", id, " FOR UPDATE");
    }

    private Optional<Ingredient> one(String condition, Object key, String lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ingredient WHERE " + condition + lock)
            .param("key", key)
            .query(Ingredients::row)
            .optional()
            .map(this::withCodes);
    }

    /**
     * Ingredients whose code or name contains the text, by code, with their code values.
     */
    List<Ingredient> search(String text, int limit) {
        String pattern = "%"
                + text.toUpperCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<Ingredient> rows = jdbc.sql("SELECT " + COLUMNS + """
                 FROM ingredient
                WHERE code LIKE :pattern ESCAPE '\\' OR UPPER(name) LIKE :pattern ESCAPE '\\'
                ORDER BY code LIMIT :limit
                """).param("pattern", pattern).param("limit", limit).query(Ingredients::row).list();
        Map<UUID, List<CodeRow>> codes = codes(rows.stream().map(Ingredient::id).toList());
        return rows.stream().map(row -> withCodes(row, codes.getOrDefault(row.id(), List.of()))).toList();
    }

    /** The ids of the ingredients with these codes (upper case), by code. */
    Map<String, IngredientRef> refs(List<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT id, code, active FROM ingredient WHERE code IN (:codes)")
            .param("codes", codes)
            .query((rs, n) -> new IngredientRef(rs.getObject("id", UUID.class), rs.getString("code"),
                    rs.getBoolean("active")))
            .list()
            .stream()
            .collect(Collectors.toMap(IngredientRef::code, ref -> ref));
    }

    /**
     * Which ingredient a code value identifies, and whether only as an alias no lab lead
     * has confirmed yet.
     */
    record CodeOwner(String code, boolean unconfirmedAlias) {
    }

    /** The ingredient whose primary, alternative or alias code value this is. */
    Optional<CodeOwner> ownerOfCodeValue(String codeValue) {
        return jdbc.sql("""
                SELECT i.code, c.kind, c.confirmed_at FROM ingredient_code c JOIN ingredient i ON i.id = c.ingredient_id
                 WHERE c.code_value = :value
                """)
            .param("value", codeValue)
            .query((rs, n) -> new CodeOwner(rs.getString("code"),
                    rs.getString("kind").equals("alias") && rs.getObject("confirmed_at") == null))
            .optional();
    }

    void insert(UUID id, IngredientEntry.Valid entry, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO ingredient (id, code, name, cas_number, primary_code_value, allowed_symbologies, parser,
                                        density_g_per_ml, active, lot_required, revision, updated_at, updated_by)
                VALUES (:id, :code, :name, :cas, :primary, :symbologies, :parser, :density, :active, :lotRequired, 1,
                        :at, :by)
                """).params(fields(entry, by, at)).param("id", id).param("code", entry.code().value()).update();
        insertCodes(id, entry);
    }

    /**
     * The columns an entry sets, as named parameters: alike for a new ingredient and a
     * changed one.
     */
    private static Map<String, Object> fields(IngredientEntry.Valid entry, String by, Instant at) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("name", entry.name());
        fields.put("cas", entry.casNumber() == null ? null : entry.casNumber().value());
        fields.put("primary", entry.primaryCodeValue());
        fields.put("symbologies", entry.allowedSymbologies());
        fields.put("parser", entry.parser());
        fields.put("density", entry.density());
        fields.put("active", entry.active());
        fields.put("lotRequired", entry.lotRequired());
        fields.put("at", utc(at));
        fields.put("by", by);
        return fields;
    }

    /**
     * Saves the ingredient's fields and code values if it is still at the revision the
     * editor saw.
     */
    boolean update(UUID id, int revision, IngredientEntry.Valid entry, String by, Instant at) {
        int updated = jdbc.sql("""
                UPDATE ingredient SET name = :name, cas_number = :cas, primary_code_value = :primary,
                       allowed_symbologies = :symbologies, parser = :parser, density_g_per_ml = :density,
                       active = :active, lot_required = :lotRequired, revision = revision + 1, updated_at = :at,
                       updated_by = :by
                 WHERE id = :id AND revision = :revision
                """).params(fields(entry, by, at)).param("id", id).param("revision", revision).update();
        if (updated == 0) {
            return false;
        }
        // a value that is now primary or alternative replaces the alias it was
        jdbc.sql("DELETE FROM ingredient_code WHERE ingredient_id = :id AND kind IN ('primary', 'alternative')")
            .param("id", id)
            .update();
        List<String> values = new ArrayList<>(entry.alternativeCodeValues());
        values.add(entry.primaryCodeValue());
        jdbc.sql("DELETE FROM ingredient_code WHERE ingredient_id = :id AND kind = 'alias' AND code_value IN (:values)")
            .param("id", id)
            .param("values", values)
            .update();
        insertCodes(id, entry);
        return true;
    }

    private void insertCodes(UUID id, IngredientEntry.Valid entry) {
        insertCode(id, entry.primaryCodeValue(), "primary");
        entry.alternativeCodeValues().forEach(value -> insertCode(id, value, "alternative"));
    }

    private void insertCode(UUID id, String value, String kind) {
        jdbc.sql("INSERT INTO ingredient_code (ingredient_id, code_value, kind) VALUES (:id, :value, :kind)")
            .param("id", id)
            .param("value", value)
            .param("kind", kind)
            .update();
    }

    /**
     * Records a sighting of a proposed alias: a new proposal, or one more sighting of a
     * known one.
     */
    void proposeAlias(UUID ingredientId, String codeValue, String by, Instant at) {
        int seen = jdbc.sql("""
                UPDATE ingredient_code SET seen_count = seen_count + 1, last_seen_at = :at
                 WHERE ingredient_id = :id AND code_value = :value AND kind = 'alias'
                """).param("id", ingredientId).param("value", codeValue).param("at", utc(at)).update();
        if (seen == 0) {
            jdbc.sql("""
                    INSERT INTO ingredient_code (ingredient_id, code_value, kind, learned_at, learned_by, last_seen_at)
                    VALUES (:id, :value, 'alias', :at, :by, :at)
                    """)
                .param("id", ingredientId)
                .param("value", codeValue)
                .param("by", by)
                .param("at", utc(at))
                .update();
        }
    }

    boolean confirmAlias(UUID ingredientId, String codeValue, String by, Instant at) {
        return jdbc.sql("""
                UPDATE ingredient_code SET confirmed_at = :at, confirmed_by = :by
                 WHERE ingredient_id = :id AND code_value = :value AND kind = 'alias' AND confirmed_at IS NULL
                """)
            .param("id", ingredientId)
            .param("value", codeValue)
            .param("by", by)
            .param("at", utc(at))
            .update() > 0;
    }

    boolean removeAlias(UUID ingredientId, String codeValue) {
        return jdbc
            .sql("DELETE FROM ingredient_code WHERE ingredient_id = :id AND code_value = :value AND kind = 'alias'")
            .param("id", ingredientId)
            .param("value", codeValue)
            .update() > 0;
    }

    private record CodeRow(UUID ingredientId, String value, String kind, Ingredient.Alias alias) {
    }

    private Ingredient withCodes(Ingredient row) {
        return withCodes(row, codes(List.of(row.id())).getOrDefault(row.id(), List.of()));
    }

    private static Ingredient withCodes(Ingredient row, List<CodeRow> codes) {
        List<String> alternatives = codes.stream()
            .filter(code -> code.kind().equals("alternative"))
            .map(CodeRow::value)
            .toList();
        List<Ingredient.Alias> aliases = codes.stream()
            .filter(code -> code.kind().equals("alias"))
            .map(CodeRow::alias)
            .toList();
        return new Ingredient(row.id(), row.code(), row.name(), row.casNumber(), row.primaryCodeValue(), alternatives,
                aliases, row.allowedSymbologies(), row.parser(), row.densityGPerMl(), row.active(), row.lotRequired(),
                row.revision(), row.updatedAt(), row.updatedBy());
    }

    private Map<UUID, List<CodeRow>> codes(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                SELECT ingredient_id, code_value, kind, learned_at, learned_by, seen_count, last_seen_at,
                       confirmed_at, confirmed_by
                  FROM ingredient_code WHERE ingredient_id IN (:ids) ORDER BY kind, code_value
                """)
            .param("ids", ids)
            .query((rs, n) -> new CodeRow(rs.getObject("ingredient_id", UUID.class), rs.getString("code_value"),
                    rs.getString("kind"),
                    new Ingredient.Alias(rs.getString("code_value"), rs.getString("learned_by"),
                            instant(rs, "learned_at"), rs.getInt("seen_count"), instant(rs, "last_seen_at"),
                            rs.getString("confirmed_by"), instant(rs, "confirmed_at"))))
            .list()
            .stream()
            .collect(Collectors.groupingBy(CodeRow::ingredientId));
    }

    private static Ingredient row(ResultSet rs, int rowNum) throws SQLException {
        return new Ingredient(rs.getObject("id", UUID.class), new IngredientCode(rs.getString("code")),
                rs.getString("name"), rs.getString("cas_number"), rs.getString("primary_code_value"), List.of(),
                List.of(), rs.getString("allowed_symbologies"), rs.getString("parser"),
                rs.getBigDecimal("density_g_per_ml"), rs.getBoolean("active"), rs.getBoolean("lot_required"),
                rs.getInt("revision"), instant(rs, "updated_at"), rs.getString("updated_by"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

}
