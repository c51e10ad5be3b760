package prepbench.formulas;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores formulas, their versions and lines, and moves versions through their life cycle.
 */
@Repository
class FormulaVersions {

    private static final String VERSION_COLUMNS = """
            f.id AS formula_id, f.code, v.id AS version_id, v.version_no, v.name, v.status, v.batch_amount,
            v.batch_unit, v.revision, v.created_at, v.created_by, v.updated_at, v.updated_by, v.released_at,
            v.released_by, v.release_meaning, v.retired_at, v.retired_by, v.retired_reason
            """;

    record FormulaRow(UUID id, FormulaCode code, String name) {
    }

    /** A line to store: its ingredient and amount, already checked. */
    record NewLine(int lineNo, UUID ingredientId, BigDecimal fraction, ToleranceOverride tolerance) {
    }

    private final JdbcClient jdbc;

    FormulaVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Reads the formula and keeps its row locked until the transaction ends: changes to
     * one formula queue here.
     */
    Optional<FormulaRow> lock(FormulaCode code) {
        return jdbc.sql("SELECT id, code, name FROM formula WHERE code = :code FOR UPDATE")
            .param("code", code.value())
            .query((rs, n) -> new FormulaRow(rs.getObject("id", UUID.class), new FormulaCode(rs.getString("code")),
                    rs.getString("name")))
            .optional();
    }

    void insertFormula(UUID id, FormulaCode code, String name, String by, Instant at) {
        jdbc.sql("INSERT INTO formula (id, code, name, created_at, created_by) VALUES (:id, :code, :name, :at, :by)")
            .param("id", id)
            .param("code", code.value())
            .param("name", name)
            .param("at", utc(at))
            .param("by", by)
            .update();
    }

    void rename(UUID formulaId, String name) {
        jdbc.sql("UPDATE formula SET name = :name WHERE id = :id").param("id", formulaId).param("name", name).update();
    }

    /** All versions of the formula, newest first, with their lines. */
    List<FormulaVersion> versions(FormulaCode code) {
        List<FormulaVersion> versions = jdbc.sql("SELECT " + VERSION_COLUMNS + """
                 FROM formula f JOIN formula_version v ON v.formula_id = f.id
                WHERE f.code = :code
                ORDER BY v.version_no DESC
                """).param("code", code.value()).query(FormulaVersions::version).list();
        Map<UUID, List<FormulaVersion.Line>> lines = lines(versions.stream().map(FormulaVersion::versionId).toList());
        return versions.stream()
            .map(version -> withLines(version, lines.getOrDefault(version.versionId(), List.of())))
            .toList();
    }

    /**
     * The current version of each formula in one status (released or draft), by formula
     * code.
     */
    List<FormulaVersion> inStatus(VersionStatus status) {
        String column = status == VersionStatus.DRAFT ? "draft_of" : "released_of";
        List<FormulaVersion> versions = jdbc
            .sql("SELECT " + VERSION_COLUMNS + " FROM formula f JOIN formula_version v ON v." + column
                    + " = f.id ORDER BY f.code")
            .query(FormulaVersions::version)
            .list();
        Map<UUID, List<FormulaVersion.Line>> lines = lines(versions.stream().map(FormulaVersion::versionId).toList());
        return versions.stream()
            .map(version -> withLines(version, lines.getOrDefault(version.versionId(), List.of())))
            .toList();
    }

    int nextVersionNo(UUID formulaId) {
        return jdbc.sql("SELECT COALESCE(MAX(version_no), 0) + 1 FROM formula_version WHERE formula_id = :id")
            .param("id", formulaId)
            .query(Integer.class)
            .single();
    }

    void insertDraft(UUID versionId, UUID formulaId, int versionNo, String name, BigDecimal batchAmount, BatchUnit unit,
            String by, Instant at) {
        jdbc.sql("""
                INSERT INTO formula_version (id, formula_id, version_no, name, status, batch_amount, batch_unit,
                                             revision, created_at, created_by, updated_at, updated_by, draft_of)
                VALUES (:id, :formula, :no, :name, 'draft', :amount, :unit, 1, :at, :by, :at, :by, :formula)
                """)
            .param("id", versionId)
            .param("formula", formulaId)
            .param("no", versionNo)
            .param("name", name)
            .param("amount", batchAmount)
            .param("unit", unit.symbol())
            .param("at", utc(at))
            .param("by", by)
            .update();
    }

    /**
     * Saves a draft's header if it is still a draft at the revision the editor saw; false
     * otherwise.
     */
    boolean updateDraft(UUID versionId, int revision, String name, BigDecimal batchAmount, BatchUnit unit, String by,
            Instant at) {
        return jdbc.sql("""
                UPDATE formula_version SET name = :name, batch_amount = :amount, batch_unit = :unit,
                       revision = revision + 1, updated_at = :at, updated_by = :by
                 WHERE id = :id AND status = 'draft' AND revision = :revision
                """)
            .param("id", versionId)
            .param("revision", revision)
            .param("name", name)
            .param("amount", batchAmount)
            .param("unit", unit.symbol())
            .param("at", utc(at))
            .param("by", by)
            .update() == 1;
    }

    void replaceLines(UUID versionId, List<NewLine> lines) {
        jdbc.sql("DELETE FROM formula_line WHERE formula_version_id = :id").param("id", versionId).update();
        for (NewLine line : lines) {
            ToleranceOverride tolerance = line.tolerance() == null ? new ToleranceOverride(null, null, null, null)
                    : line.tolerance();
            jdbc.sql("""
                    INSERT INTO formula_line (formula_version_id, line_no, ingredient_id, fraction,
                                              tol_minus_g, tol_plus_g, tol_minus_pct, tol_plus_pct)
                    VALUES (:version, :line, :ingredient, :fraction, :minusG, :plusG, :minusPct, :plusPct)
                    """)
                .param("version", versionId)
                .param("line", line.lineNo())
                .param("ingredient", line.ingredientId())
                .param("fraction", line.fraction())
                .param("minusG", tolerance.minusG())
                .param("plusG", tolerance.plusG())
                .param("minusPct", tolerance.minusPct())
                .param("plusPct", tolerance.plusPct())
                .update();
        }
    }

    void discardDraft(UUID versionId, String by, Instant at) {
        jdbc.sql("""
                UPDATE formula_version SET status = 'retired', draft_of = NULL, retired_at = :at, retired_by = :by,
                       retired_reason = 'discarded draft, never released'
                 WHERE id = :id AND status = 'draft'
                """).param("id", versionId).param("at", utc(at)).param("by", by).update();
    }

    void release(UUID versionId, UUID formulaId, String by, String meaning, Instant at) {
        jdbc.sql("""
                UPDATE formula_version SET status = 'released', draft_of = NULL, released_of = :formula,
                       released_at = :at, released_by = :by, release_meaning = :meaning
                 WHERE id = :id AND status = 'draft'
                """)
            .param("id", versionId)
            .param("formula", formulaId)
            .param("at", utc(at))
            .param("by", by)
            .param("meaning", meaning)
            .update();
    }

    void retire(UUID versionId, String by, String reason, Instant at) {
        jdbc.sql("""
                UPDATE formula_version SET status = 'retired', released_of = NULL, retired_at = :at, retired_by = :by,
                       retired_reason = :reason
                 WHERE id = :id AND status = 'released'
                """).param("id", versionId).param("at", utc(at)).param("by", by).param("reason", reason).update();
    }

    private Map<UUID, List<FormulaVersion.Line>> lines(List<UUID> versionIds) {
        if (versionIds.isEmpty()) {
            return Map.of();
        }
        record Row(UUID versionId, FormulaVersion.Line line) {
        }
        return jdbc.sql("""
                SELECT l.formula_version_id, l.line_no, l.fraction, l.tol_minus_g, l.tol_plus_g, l.tol_minus_pct,
                       l.tol_plus_pct, i.id AS ingredient_id, i.code, i.name, i.active, i.density_g_per_ml
                  FROM formula_line l JOIN ingredient i ON i.id = l.ingredient_id
                 WHERE l.formula_version_id IN (:ids)
                 ORDER BY l.formula_version_id, l.line_no
                """).param("ids", versionIds).query((rs, n) -> {
            var tolerance = new ToleranceOverride(rs.getBigDecimal("tol_minus_g"), rs.getBigDecimal("tol_plus_g"),
                    rs.getBigDecimal("tol_minus_pct"), rs.getBigDecimal("tol_plus_pct"));
            return new Row(rs.getObject("formula_version_id", UUID.class),
                    new FormulaVersion.Line(rs.getInt("line_no"), rs.getObject("ingredient_id", UUID.class),
                            rs.getString("code"), rs.getString("name"), rs.getBoolean("active"),
                            rs.getBigDecimal("density_g_per_ml"), rs.getBigDecimal("fraction"),
                            tolerance.isEmpty() ? null : tolerance));
        })
            .list()
            .stream()
            .collect(Collectors.groupingBy(Row::versionId, Collectors.mapping(Row::line, Collectors.toList())));
    }

    private static FormulaVersion withLines(FormulaVersion version, List<FormulaVersion.Line> lines) {
        return new FormulaVersion(version.formulaId(), version.code(), version.versionId(), version.versionNo(),
                version.name(), version.status(), version.batchAmount(), version.batchUnit(), lines, version.revision(),
                version.createdAt(), version.createdBy(), version.updatedAt(), version.updatedBy(),
                version.releasedAt(), version.releasedBy(), version.releaseMeaning(), version.retiredAt(),
                version.retiredBy(), version.retiredReason());
    }

    private static FormulaVersion version(ResultSet rs, int rowNum) throws SQLException {
        return new FormulaVersion(rs.getObject("formula_id", UUID.class), new FormulaCode(rs.getString("code")),
                rs.getObject("version_id", UUID.class), rs.getInt("version_no"), rs.getString("name"),
                VersionStatus.fromCode(rs.getString("status")), rs.getBigDecimal("batch_amount"),
                BatchUnit.fromSymbol(rs.getString("batch_unit")).orElseThrow(), List.of(), rs.getInt("revision"),
                instant(rs, "created_at"), rs.getString("created_by"), instant(rs, "updated_at"),
                rs.getString("updated_by"), instant(rs, "released_at"), rs.getString("released_by"),
                rs.getString("release_meaning"), instant(rs, "retired_at"), rs.getString("retired_by"),
                rs.getString("retired_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

}
