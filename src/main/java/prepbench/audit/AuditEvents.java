package prepbench.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Appends audit events and reads them back; there is no update and no delete. */
@Repository
class AuditEvents {

    private final JdbcClient jdbc;

    AuditEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(NewEvent event) {
        jdbc.sql("""
                INSERT INTO audit_event (occurred_at, actor, action, session_id, step_sequence, formula_code, payload)
                VALUES (:at, :actor, :action, :session, :step, :formula, :payload)
                """)
                .param("at", event.at().atOffset(ZoneOffset.UTC))
                .param("actor", event.actor())
                .param("action", event.action())
                .param("session", event.sessionId())
                .param("step", event.stepSequence())
                .param("formula", event.formulaCode())
                .param("payload", event.payload())
                .update();
    }

    List<AuditEvent> forSession(UUID sessionId) {
        return jdbc.sql("""
                SELECT id, occurred_at, actor, action, session_id, step_sequence, formula_code, payload
                  FROM audit_event WHERE session_id = :session ORDER BY id
                """)
                .param("session", sessionId)
                .query((rs, n) -> {
                    int step = rs.getInt("step_sequence");
                    Integer stepSequence = rs.wasNull() ? null : step;
                    return new AuditEvent(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                            rs.getString("actor"), rs.getString("action"), rs.getObject("session_id", UUID.class),
                            stepSequence, rs.getString("formula_code"), rs.getString("payload"));
                })
                .list();
    }

    record NewEvent(java.time.Instant at, String actor, String action, UUID sessionId, Integer stepSequence,
            String formulaCode, String payload) {
    }
}
