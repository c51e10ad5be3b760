package prepbench.samples;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores samples and their lines, and reads them back. */
@Repository
class Samples {

    private final JdbcClient jdbc;

    Samples(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Sample sample) {
        jdbc.sql("""
                INSERT INTO sample (id, code, session_id, formula_code, attempt_no, planned_g, actual_g, recorded_at,
                                    recorded_by)
                VALUES (:id, :code, :session, :formula, :attempt, :planned, :actual, :at, :by)
                """)
            .param("id", sample.id())
            .param("code", sample.code())
            .param("session", sample.sessionId())
            .param("formula", sample.formulaCode())
            .param("attempt", sample.attemptNo())
            .param("planned", sample.plannedG())
            .param("actual", sample.actualG())
            .param("at", sample.recordedAt().atOffset(ZoneOffset.UTC))
            .param("by", sample.recordedBy())
            .update();
        for (Sample.Line line : sample.lines()) {
            jdbc.sql("""
                    INSERT INTO sample_line (sample_id, sequence_no, ingredient_code, ingredient_name, planned_g,
                                             actual_g, lot, expiry, manual)
                    VALUES (:sample, :sequence, :code, :name, :planned, :actual, :lot, :expiry, :manual)
                    """)
                .param("sample", sample.id())
                .param("sequence", line.sequence())
                .param("code", line.ingredientCode())
                .param("name", line.ingredientName())
                .param("planned", line.plannedG())
                .param("actual", line.actualG())
                .param("lot", line.lot())
                .param("expiry", line.expiry())
                .param("manual", line.manual())
                .update();
        }
    }

    /** The codes of the samples of these sessions, by session. */
    java.util.Map<java.util.UUID, String> codesOf(List<java.util.UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<java.util.UUID, String> codes = new java.util.HashMap<>();
        jdbc.sql("SELECT session_id, code FROM sample WHERE session_id IN (:sessions)")
            .param("sessions", sessionIds)
            .query((rs, n) -> Map.entry(rs.getObject("session_id", java.util.UUID.class), rs.getString("code")))
            .list()
            .forEach(entry -> codes.put(entry.getKey(), entry.getValue()));
        return codes;
    }

    /** The sample the condition ({@code column = :key}) finds. */
    Optional<Sample> find(String condition, Object key) {
        return jdbc.sql("""
                SELECT id, code, session_id, formula_code, attempt_no, planned_g, actual_g, recorded_at, recorded_by
                  FROM sample
                """ + " WHERE " + condition).param("key", key).query((rs, n) -> sample(rs)).optional();
    }

    private Sample sample(ResultSet rs) throws SQLException {
        java.util.UUID id = rs.getObject("id", java.util.UUID.class);
        List<Sample.Line> lines = jdbc.sql("""
                SELECT sequence_no, ingredient_code, ingredient_name, planned_g, actual_g, lot, expiry, manual
                  FROM sample_line WHERE sample_id = :id ORDER BY sequence_no
                """)
            .param("id", id)
            .query((line, n) -> new Sample.Line(line.getInt("sequence_no"), line.getString("ingredient_code"),
                    line.getString("ingredient_name"), line.getBigDecimal("planned_g"), line.getBigDecimal("actual_g"),
                    line.getString("lot"), line.getObject("expiry", LocalDate.class), line.getBoolean("manual")))
            .list();
        return new Sample(id, rs.getString("code"), rs.getObject("session_id", java.util.UUID.class),
                rs.getString("formula_code"), rs.getInt("attempt_no"), rs.getBigDecimal("planned_g"),
                rs.getBigDecimal("actual_g"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getString("recorded_by"), lines);
    }

}
