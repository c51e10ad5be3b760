package prepbench.samples;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import prepbench.preparation.SessionEvents.SessionCompleted;
import prepbench.preparation.Step;

/** Records a sample when a session completes, and reads samples back. */
@Service
public class Samples {

    private final JdbcClient jdbc;

    Samples(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs inside the transaction that completes the session: the session and its sample commit together. */
    @EventListener
    void on(SessionCompleted completed) {
        UUID id = UUID.randomUUID();
        BigDecimal planned = completed.steps().stream().map(Step::targetG).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal actual = completed.steps().stream().map(Step::capturedG).reduce(BigDecimal.ZERO, BigDecimal::add);
        jdbc.sql("""
                INSERT INTO sample (id, code, session_id, formula_code, attempt_no, planned_g, actual_g, recorded_at,
                                    recorded_by)
                VALUES (:id, :code, :session, :formula, :attempt, :planned, :actual, :at, :by)
                """)
                .param("id", id).param("code", completed.formulaCode() + "-" + completed.attemptNo())
                .param("session", completed.sessionId()).param("formula", completed.formulaCode())
                .param("attempt", completed.attemptNo()).param("planned", planned).param("actual", actual)
                .param("at", completed.at().atOffset(ZoneOffset.UTC)).param("by", completed.operator())
                .update();
        for (Step step : completed.steps()) {
            jdbc.sql("""
                    INSERT INTO sample_line (sample_id, sequence_no, ingredient_code, ingredient_name, planned_g,
                                             actual_g, lot, expiry, manual)
                    VALUES (:sample, :sequence, :code, :name, :planned, :actual, :lot, :expiry, :manual)
                    """)
                    .param("sample", id).param("sequence", step.sequence()).param("code", step.ingredientCode())
                    .param("name", step.ingredientName()).param("planned", step.targetG())
                    .param("actual", step.capturedG()).param("lot", step.lot()).param("expiry", step.expiry())
                    .param("manual", step.manual())
                    .update();
        }
    }

    /** The sample of a completed session. */
    @Transactional(readOnly = true)
    public Optional<Sample> forSession(UUID sessionId) {
        return find("session_id = :key", sessionId);
    }

    /** A sample by its code, such as {@code PRM00936-3}; codes compare case-insensitively. */
    @Transactional(readOnly = true)
    public Optional<Sample> byCode(String code) {
        return find("code = :key", code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT));
    }

    private Optional<Sample> find(String condition, Object key) {
        return jdbc.sql("""
                SELECT id, code, session_id, formula_code, attempt_no, planned_g, actual_g, recorded_at, recorded_by
                  FROM sample
                """ + " WHERE " + condition)
                .param("key", key)
                .query((rs, n) -> sample(rs))
                .optional();
    }

    private Sample sample(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<Sample.Line> lines = jdbc.sql("""
                SELECT sequence_no, ingredient_code, ingredient_name, planned_g, actual_g, lot, expiry, manual
                  FROM sample_line WHERE sample_id = :id ORDER BY sequence_no
                """)
                .param("id", id)
                .query((line, n) -> new Sample.Line(line.getInt("sequence_no"), line.getString("ingredient_code"),
                        line.getString("ingredient_name"), line.getBigDecimal("planned_g"),
                        line.getBigDecimal("actual_g"), line.getString("lot"), line.getObject("expiry", LocalDate.class),
                        line.getBoolean("manual")))
                .list();
        return new Sample(id, rs.getString("code"), rs.getObject("session_id", UUID.class),
                rs.getString("formula_code"), rs.getInt("attempt_no"), rs.getBigDecimal("planned_g"),
                rs.getBigDecimal("actual_g"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getString("recorded_by"), lines);
    }
}
