package prepbench.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Appends audit events to their hash chains and reads them back; there is no update and no delete. The caller
 * holds the lock that serialises its chain (the session's or the formula's row); the database refuses a fork.
 */
@Repository
class AuditEvents {

    static final String GENESIS = "0".repeat(64);

    private static final String COLUMNS =
            "id, occurred_at, actor, action, session_id, step_sequence, formula_code, payload, chain, prev_hash, hash";

    private final JdbcClient jdbc;

    AuditEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewEvent(Instant at, String actor, String action, UUID sessionId, Integer stepSequence,
            String formulaCode, String payload, String chain) {
    }

    void append(NewEvent event) {
        String prevHash = jdbc.sql("SELECT hash FROM audit_event WHERE chain = :chain ORDER BY id DESC LIMIT 1")
                .param("chain", event.chain())
                .query(String.class).optional().orElse(GENESIS);
        jdbc.sql("""
                INSERT INTO audit_event (occurred_at, actor, action, session_id, step_sequence, formula_code, payload,
                                         chain, prev_hash, hash)
                VALUES (:at, :actor, :action, :session, :step, :formula, :payload, :chain, :prev, :hash)
                """)
                .param("at", event.at().atOffset(ZoneOffset.UTC))
                .param("actor", event.actor())
                .param("action", event.action())
                .param("session", event.sessionId())
                .param("step", event.stepSequence())
                .param("formula", event.formulaCode())
                .param("payload", event.payload())
                .param("chain", event.chain())
                .param("prev", prevHash)
                .param("hash", hash(prevHash, event.chain(), event.at(), event.actor(), event.action(),
                        event.sessionId(), event.stepSequence(), event.formulaCode(), event.payload()))
                .update();
    }

    List<AuditEvent> forSession(UUID sessionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_event WHERE session_id = :session ORDER BY id")
                .param("session", sessionId)
                .query((rs, n) -> event(rs))
                .list();
    }

    List<AuditEvent> forChain(String chain) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_event WHERE chain = :chain ORDER BY id")
                .param("chain", chain)
                .query((rs, n) -> event(rs))
                .list();
    }

    /** Recomputes every hash of the chain and checks every link. */
    ChainVerification verify(String chain) {
        List<AuditEvent> events = forChain(chain);
        String expectedPrev = GENESIS;
        for (AuditEvent event : events) {
            if (!expectedPrev.equals(event.prevHash())) {
                return new ChainVerification(chain, events.size(), false, event.id(),
                        "event " + event.id() + " does not follow the event before it (an event was removed or inserted)");
            }
            String recomputed = hash(event.prevHash(), event.chain(), event.at(), event.actor(), event.action(),
                    event.sessionId(), event.stepSequence(), event.formulaCode(), event.payload());
            if (!recomputed.equals(event.hash())) {
                return new ChainVerification(chain, events.size(), false, event.id(),
                        "event " + event.id() + " (" + event.action() + ") was changed after it was recorded");
            }
            expectedPrev = event.hash();
        }
        return new ChainVerification(chain, events.size(), true, null, null);
    }

    static String hash(String prevHash, String chain, Instant at, String actor, String action, UUID sessionId,
            Integer stepSequence, String formulaCode, String payload) {
        String content = String.join("\n", prevHash, chain, at.toString(), actor, action,
                sessionId == null ? "" : sessionId.toString(), stepSequence == null ? "" : stepSequence.toString(),
                formulaCode == null ? "" : formulaCode, payload);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
    }

    private static AuditEvent event(java.sql.ResultSet rs) throws java.sql.SQLException {
        int step = rs.getInt("step_sequence");
        Integer stepSequence = rs.wasNull() ? null : step;
        return new AuditEvent(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("action"), rs.getObject("session_id", UUID.class), stepSequence,
                rs.getString("formula_code"), rs.getString("payload"), rs.getString("chain"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }
}
