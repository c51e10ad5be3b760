package prepbench.formulas;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads formulas, their released versions and lines. */
@Repository
class Formulas {

    private static final String SUMMARY = """
            SELECT f.id, f.code, f.name, v.version_no, v.batch_amount, v.batch_unit,
                   (SELECT COUNT(*) FROM formula_line l WHERE l.formula_version_id = v.id) AS line_count
              FROM formula f
              LEFT JOIN formula_version v ON v.released_of = f.id
            """;

    private final JdbcClient jdbc;

    Formulas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<FormulaSummary> findSummary(FormulaCode code) {
        return jdbc.sql(SUMMARY + " WHERE f.code = :code")
            .param("code", code.value())
            .query(Formulas::summary)
            .optional();
    }

    List<FormulaSummary> search(String text, int limit) {
        String pattern = "%"
                + text.toUpperCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                + "%";
        return jdbc.sql(SUMMARY + """
                 WHERE f.code LIKE :pattern ESCAPE '\\' OR UPPER(f.name) LIKE :pattern ESCAPE '\\'
                 ORDER BY f.code
                 LIMIT :limit
                """).param("pattern", pattern).param("limit", limit).query(Formulas::summary).list();
    }

    List<String> allCodes() {
        return jdbc.sql("SELECT code FROM formula ORDER BY code").query(String.class).list();
    }

    /**
     * A released or retired version of the formula, as preparations use it, with when it
     * was retired (null while released).
     */
    Optional<FormulaCatalog.PreparedVersion> findPrepared(FormulaCode code, int versionNo) {
        record Row(ReleasedFormula formula, Instant retiredAt, String retiredReason) {
        }
        return jdbc.sql("""
                SELECT f.id AS formula_id, f.code, v.name, v.id AS version_id, v.version_no, v.batch_amount,
                       v.batch_unit, v.retired_at, v.retired_reason
                  FROM formula f
                  JOIN formula_version v ON v.formula_id = f.id
                 WHERE f.code = :code AND v.version_no = :versionNo AND v.status IN ('released', 'retired')
                """)
            .param("code", code.value())
            .param("versionNo", versionNo)
            .query((rs, n) -> new Row(
                    new ReleasedFormula(rs.getObject("formula_id", UUID.class), new FormulaCode(rs.getString("code")),
                            rs.getString("name"), rs.getObject("version_id", UUID.class), rs.getInt("version_no"),
                            rs.getBigDecimal("batch_amount"), unit(rs.getString("batch_unit")), List.of()),
                    Optional.ofNullable(rs.getObject("retired_at", java.time.OffsetDateTime.class))
                        .map(java.time.OffsetDateTime::toInstant)
                        .orElse(null),
                    rs.getString("retired_reason")))
            .optional()
            .map(row -> new FormulaCatalog.PreparedVersion(withLines(row.formula()), row.retiredAt(),
                    row.retiredReason()));
    }

    /** The version with its lines read. */
    private ReleasedFormula withLines(ReleasedFormula formula) {
        return new ReleasedFormula(formula.formulaId(), formula.code(), formula.name(), formula.versionId(),
                formula.versionNo(), formula.defaultAmount(), formula.defaultUnit(), lines(formula.versionId()));
    }

    Optional<ReleasedFormula> findReleased(FormulaCode code) {
        return jdbc
            .sql("""
                    SELECT f.id AS formula_id, f.code, v.name, v.id AS version_id, v.version_no, v.batch_amount, v.batch_unit
                      FROM formula f
                      JOIN formula_version v ON v.released_of = f.id
                     WHERE f.code = :code
                    """)
            .param("code", code.value())
            .query((rs, n) -> new ReleasedFormula(rs.getObject("formula_id", UUID.class),
                    new FormulaCode(rs.getString("code")), rs.getString("name"), rs.getObject("version_id", UUID.class),
                    rs.getInt("version_no"), rs.getBigDecimal("batch_amount"), unit(rs.getString("batch_unit")),
                    List.of()))
            .optional()
            .map(this::withLines);
    }

    private List<ReleasedFormula.Line> lines(UUID versionId) {
        List<LineRow> rows = jdbc.sql("""
                SELECT l.line_no, l.fraction, l.tol_minus_g, l.tol_plus_g, l.tol_minus_pct, l.tol_plus_pct,
                       i.id AS ingredient_id, i.code, i.name, i.density_g_per_ml, i.primary_code_value,
                       i.allowed_symbologies, i.parser, i.lot_required
                  FROM formula_line l
                  JOIN ingredient i ON i.id = l.ingredient_id
                 WHERE l.formula_version_id = :version
                 ORDER BY l.line_no
                """).param("version", versionId).query(Formulas::lineRow).list();
        Map<UUID, List<String>> otherCodes = otherCodeValues(rows.stream().map(LineRow::ingredientId).toList());
        List<ReleasedFormula.Line> lines = new ArrayList<>(rows.size());
        for (LineRow row : rows) {
            lines.add(new ReleasedFormula.Line(row.lineNo(), row.ingredientId(), row.code(), row.name(), row.fraction(),
                    row.density(), row.tolerance(), row.primaryCodeValue(),
                    otherCodes.getOrDefault(row.ingredientId(), List.of()), row.symbologies(), row.parser(),
                    row.lotRequired()));
        }
        return lines;
    }

    private Map<UUID, List<String>> otherCodeValues(List<UUID> ingredientIds) {
        if (ingredientIds.isEmpty()) {
            return Map.of();
        }
        record CodeValue(UUID ingredientId, String value) {
        }
        return jdbc.sql("""
                SELECT ingredient_id, code_value FROM ingredient_code
                 WHERE ingredient_id IN (:ids)
                   AND (kind = 'alternative' OR (kind = 'alias' AND confirmed_at IS NOT NULL))
                 ORDER BY kind DESC, code_value
                """)
            .param("ids", ingredientIds)
            .query((rs, n) -> new CodeValue(rs.getObject("ingredient_id", UUID.class), rs.getString("code_value")))
            .list()
            .stream()
            .collect(Collectors.groupingBy(CodeValue::ingredientId,
                    Collectors.mapping(CodeValue::value, Collectors.toList())));
    }

    private record LineRow(int lineNo, UUID ingredientId, String code, String name, BigDecimal fraction,
            BigDecimal density, ToleranceOverride tolerance, String primaryCodeValue, String symbologies, String parser,
            boolean lotRequired) {
    }

    private static LineRow lineRow(ResultSet rs, int rowNum) throws SQLException {
        var tolerance = new ToleranceOverride(rs.getBigDecimal("tol_minus_g"), rs.getBigDecimal("tol_plus_g"),
                rs.getBigDecimal("tol_minus_pct"), rs.getBigDecimal("tol_plus_pct"));
        return new LineRow(rs.getInt("line_no"), rs.getObject("ingredient_id", UUID.class), rs.getString("code"),
                rs.getString("name"), rs.getBigDecimal("fraction"), rs.getBigDecimal("density_g_per_ml"),
                tolerance.isEmpty() ? null : tolerance, rs.getString("primary_code_value"),
                rs.getString("allowed_symbologies"), rs.getString("parser"), rs.getBoolean("lot_required"));
    }

    private static FormulaSummary summary(ResultSet rs, int rowNum) throws SQLException {
        int versionNo = rs.getInt("version_no");
        boolean released = !rs.wasNull();
        return new FormulaSummary(rs.getObject("id", UUID.class), new FormulaCode(rs.getString("code")),
                rs.getString("name"), released ? versionNo : null, rs.getInt("line_count"),
                rs.getBigDecimal("batch_amount"), released ? unit(rs.getString("batch_unit")) : null);
    }

    private static BatchUnit unit(String symbol) {
        return BatchUnit.fromSymbol(symbol)
            .orElseThrow(() -> new IllegalStateException("Unknown batch unit in database: " + symbol));
    }

}
