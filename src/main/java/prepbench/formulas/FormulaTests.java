package prepbench.formulas;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code formula_test} table: each formula's tests after preparation, removed ones
 * kept.
 */
@Repository
class FormulaTests {

    private final JdbcClient jdbc;

    FormulaTests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tests in force for the formula, by name. */
    List<FormulaTest> inForce(UUID formulaId) {
        return jdbc.sql("""
                SELECT id, formula_id, name, delay_hours, created_at, created_by FROM formula_test
                 WHERE active_of = :formula ORDER BY name
                """).param("formula", formulaId).query(FormulaTests::row).list();
    }

    void insert(UUID id, UUID formulaId, String name, int delayHours, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO formula_test (id, formula_id, name, delay_hours, created_at, created_by, active_of)
                VALUES (:id, :formula, :name, :delay, :at, :by, :formula)
                """)
            .param("id", id)
            .param("formula", formulaId)
            .param("name", name)
            .param("delay", delayHours)
            .param("at", at.atOffset(ZoneOffset.UTC))
            .param("by", by)
            .update();
    }

    /**
     * Removes the test from force; false when it is not one of the formula's tests in
     * force.
     */
    boolean remove(UUID formulaId, UUID id, String by, Instant at) {
        return jdbc.sql("""
                UPDATE formula_test SET removed_at = :at, removed_by = :by, active_of = NULL
                 WHERE id = :id AND active_of = :formula
                """)
            .param("at", at.atOffset(ZoneOffset.UTC))
            .param("by", by)
            .param("id", id)
            .param("formula", formulaId)
            .update() == 1;
    }

    private static FormulaTest row(ResultSet rs, int rowNum) throws SQLException {
        return new FormulaTest(rs.getObject("id", UUID.class), rs.getObject("formula_id", UUID.class),
                rs.getString("name"), rs.getInt("delay_hours"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"));
    }

}
