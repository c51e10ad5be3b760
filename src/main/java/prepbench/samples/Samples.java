package prepbench.samples;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
    Map<UUID, String> codesOf(List<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return java.util.Map.of();
        }
        Map<UUID, String> codes = new HashMap<>();
        jdbc.sql("SELECT session_id, code FROM sample WHERE session_id IN (:sessions)")
            .param("sessions", sessionIds)
            .query((rs, n) -> Map.entry(rs.getObject("session_id", UUID.class), rs.getString("code")))
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
        UUID id = rs.getObject("id", UUID.class);
        List<Sample.Line> lines = jdbc.sql("""
                SELECT sequence_no, ingredient_code, ingredient_name, planned_g, actual_g, lot, expiry, manual
                  FROM sample_line WHERE sample_id = :id ORDER BY sequence_no
                """)
            .param("id", id)
            .query((line, n) -> new Sample.Line(line.getInt("sequence_no"), line.getString("ingredient_code"),
                    line.getString("ingredient_name"), line.getBigDecimal("planned_g"), line.getBigDecimal("actual_g"),
                    line.getString("lot"), line.getObject("expiry", LocalDate.class), line.getBoolean("manual")))
            .list();
        List<Sample.Test> tests = jdbc.sql("""
                SELECT id, name, due_at, result, result_value, note, recorded_at, recorded_by
                  FROM sample_test WHERE sample_id = :id ORDER BY due_at, name
                """).param("id", id).query((test, n) -> test(test)).list();
        return new Sample(id, rs.getString("code"), rs.getObject("session_id", UUID.class),
                rs.getString("formula_code"), rs.getInt("attempt_no"), rs.getBigDecimal("planned_g"),
                rs.getBigDecimal("actual_g"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getString("recorded_by"), lines, tests);
    }

    private static Sample.Test test(ResultSet rs) throws SQLException {
        OffsetDateTime recorded = rs.getObject("recorded_at", OffsetDateTime.class);
        return new Sample.Test(rs.getObject("id", UUID.class), rs.getString("name"),
                rs.getObject("due_at", OffsetDateTime.class).toInstant(), rs.getString("result"),
                rs.getString("result_value"), rs.getString("note"), recorded == null ? null : recorded.toInstant(),
                rs.getString("recorded_by"));
    }

    void schedule(UUID sampleId, String name, Instant dueAt) {
        jdbc.sql("INSERT INTO sample_test (id, sample_id, name, due_at) VALUES (:id, :sample, :name, :due)")
            .param("id", UUID.randomUUID())
            .param("sample", sampleId)
            .param("name", name)
            .param("due", dueAt.atOffset(ZoneOffset.UTC))
            .update();
    }

    /**
     * The sample's id under its row lock, which serialises its tests' results and its
     * chain.
     */
    Optional<UUID> lock(String code) {
        return jdbc.sql("SELECT id FROM sample WHERE code = :code FOR UPDATE")
            .param("code", code)
            .query(UUID.class)
            .optional();
    }

    void recordResult(UUID testId, String result, String value, String note, String by, Instant at) {
        jdbc.sql("""
                UPDATE sample_test SET result = :result, result_value = :value, note = :note, recorded_at = :at,
                       recorded_by = :by WHERE id = :id AND result IS NULL
                """)
            .param("result", result)
            .param("value", value)
            .param("note", note)
            .param("at", at.atOffset(ZoneOffset.UTC))
            .param("by", by)
            .param("id", testId)
            .update();
    }

    /** Open tests due before the time, soonest first, with their sample. */
    List<DueTest> due(Instant until, int limit) {
        return jdbc.sql("""
                SELECT t.id, t.name, t.due_at, s.code, s.formula_code, s.session_id FROM sample_test t
                  JOIN sample s ON s.id = t.sample_id
                 WHERE t.result IS NULL AND t.due_at < :until ORDER BY t.due_at, s.code LIMIT :limit
                """)
            .param("until", until.atOffset(ZoneOffset.UTC))
            .param("limit", limit)
            .query((rs, n) -> new DueTest(rs.getString("code"), rs.getString("formula_code"),
                    rs.getObject("session_id", UUID.class), rs.getObject("id", UUID.class), rs.getString("name"),
                    rs.getObject("due_at", OffsetDateTime.class).toInstant()))
            .list();
    }

}
