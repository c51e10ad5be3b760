package prepbench.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Appends audit events to their chains and reads them back; there is no update and no
 * delete (and the database refuses both).
 */
@Repository
class AuditEvents {

    private static final String COLUMNS = "id, occurred_at, actor, action, session_id, step_sequence, formula_code, "
            + "payload, chain, seq, prev_hash, hash, key_id";

    /**
     * When a station's event arrived at central (issue 18), for the reads a person sees;
     * null for one recorded here.
     */
    private static final String RECEIVED = ", (SELECT r.received_at FROM sync_receipt r WHERE r.chain = audit_event.chain"
            + " AND r.seq = audit_event.seq) AS received_at";

    private final JdbcClient jdbc;

    private final AuditKeys keys;

    private final ApplicationEventPublisher published;

    AuditEvents(JdbcClient jdbc, AuditKeys keys, ApplicationEventPublisher published) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.published = published;
    }

    record NewEvent(Instant at, String actor, String action, UUID sessionId, Integer stepSequence, String formulaCode,
            String payload, String chain) {
    }

    private record Last(long seq, String hash) {
    }

    /**
     * Appends the event to its chain with the next sequence number, sealed under the
     * current key. The caller holds the lock that serialises its chain; the database
     * refuses a fork (a sequence number or predecessor taken twice).
     */
    void append(NewEvent event) {
        Last last = last(event.chain()).orElse(new Last(0, EventSeal.GENESIS));
        long seq = last.seq() + 1;
        AuditKeys.Key key = keys.current();
        insert(new AuditEvent(0, event.at(), event.actor(), event.action(), event.sessionId(), event.stepSequence(),
                event.formulaCode(), event.payload(), event.chain(), seq, last.hash(),
                EventSeal.seal(key, event.chain(), seq, last.hash(), event.at(), event.actor(), event.action(),
                        event.sessionId(), event.stepSequence(), event.formulaCode(), event.payload()),
                key.id()));
        published.publishEvent(new ChainExtended(event.chain(), seq, event.sessionId(), event.at()));
    }

    private java.util.Optional<Last> last(String chain) {
        return jdbc.sql("SELECT seq, hash FROM audit_event WHERE chain = :chain ORDER BY seq DESC LIMIT 1")
            .param("chain", chain)
            .query((rs, n) -> new Last(rs.getLong("seq"), rs.getString("hash")))
            .optional();
    }

    /** The chain's last place; 0 for a chain without events. */
    long lastSeq(String chain) {
        return last(chain).map(Last::seq).orElse(0L);
    }

    /** The event at that place of its chain, if there is one. */
    java.util.Optional<AuditEvent> at(String chain, long seq) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_event WHERE chain = :chain AND seq = :seq")
            .param("chain", chain)
            .param("seq", seq)
            .query((rs, n) -> event(rs))
            .optional();
    }

    /** The chain's events from one place to another (both included), in order. */
    List<AuditEvent> slice(String chain, long fromSeq, long toSeq) {
        return jdbc
            .sql("SELECT " + COLUMNS + " FROM audit_event WHERE chain = :chain AND seq BETWEEN :from AND :to "
                    + "ORDER BY seq")
            .param("chain", chain)
            .param("from", fromSeq)
            .param("to", toSeq)
            .query((rs, n) -> event(rs))
            .list();
    }

    /**
     * Writes an event as it is, sealed elsewhere (a station's, received at central): the
     * caller has checked its seal and its link.
     */
    void insert(AuditEvent event) {
        jdbc.sql("""
                INSERT INTO audit_event (occurred_at, actor, action, session_id, step_sequence, formula_code, payload,
                                         chain, seq, prev_hash, hash, key_id)
                VALUES (:at, :actor, :action, :session, :step, :formula, :payload, :chain, :seq, :prev, :hash, :key)
                """)
            .param("at", event.at().atOffset(ZoneOffset.UTC))
            .param("actor", event.actor())
            .param("action", event.action())
            .param("session", event.sessionId())
            .param("step", event.stepSequence())
            .param("formula", event.formulaCode())
            .param("payload", event.payload())
            .param("chain", event.chain())
            .param("seq", event.seq())
            .param("prev", event.prevHash())
            .param("hash", event.hash())
            .param("key", event.keyId())
            .update();
    }

    List<AuditEvent> forSession(UUID sessionId) {
        return jdbc
            .sql("SELECT " + COLUMNS + RECEIVED + " FROM audit_event WHERE session_id = :session ORDER BY chain, seq")
            .param("session", sessionId)
            .query((rs, n) -> received(rs))
            .list();
    }

    List<AuditEvent> forChain(String chain) {
        return jdbc.sql("SELECT " + COLUMNS + RECEIVED + " FROM audit_event WHERE chain = :chain ORDER BY seq")
            .param("chain", chain)
            .query((rs, n) -> received(rs))
            .list();
    }

    /**
     * The events the query finds, newest first, at most one more than its limit (to know
     * there is a next page).
     */
    List<AuditEvent> search(AuditQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + RECEIVED + " FROM audit_event WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (query.from() != null) {
            sql.append(" AND occurred_at >= :from");
            params.put("from", query.from().atOffset(ZoneOffset.UTC));
        }
        if (query.to() != null) {
            sql.append(" AND occurred_at < :to");
            params.put("to", query.to().atOffset(ZoneOffset.UTC));
        }
        if (query.actor() != null) {
            sql.append(" AND actor = :actor");
            params.put("actor", query.actor());
        }
        if (query.action() != null) {
            sql.append(" AND action = :action");
            params.put("action", query.action());
        }
        if (query.formulaCode() != null) {
            sql.append(" AND formula_code = :formula");
            params.put("formula", query.formulaCode());
        }
        if (query.sessionId() != null) {
            sql.append(" AND session_id = :session");
            params.put("session", query.sessionId());
        }
        if (query.bench() != null) {
            // the preparations started or resumed at the bench, as their own events say
            sql.append("""
                    AND session_id IN (SELECT session_id FROM audit_event
                                        WHERE action IN ('SESSION_STARTED', 'SESSION_RESUMED') AND payload LIKE :bench
                                          ESCAPE '!')""");
            params.put("bench",
                    "%\"bench\":\"" + query.bench().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "\"%");
        }
        if (query.beforeId() != null) {
            sql.append(" AND id < :before");
            params.put("before", query.beforeId());
        }
        sql.append(" ORDER BY id DESC LIMIT :limit");
        params.put("limit", query.limit() + 1);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> received(rs)).list();
    }

    /** Every event of every chain, chain by chain in sequence order, one at a time. */
    void eachEvent(java.util.function.Consumer<AuditEvent> consumer) {
        jdbc.sql("SELECT " + COLUMNS + " FROM audit_event WHERE chain IS NOT NULL ORDER BY chain, seq")
            .withFetchSize(1000)
            .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> consumer.accept(event(rs)));
    }

    /** The chains that have events. */
    java.util.Set<String> chains() {
        return new java.util.HashSet<>(
                jdbc.sql("SELECT DISTINCT chain FROM audit_event WHERE chain IS NOT NULL").query(String.class).list());
    }

    /** An event read with when it arrived from a station ({@link #RECEIVED}). */
    private static AuditEvent received(java.sql.ResultSet rs) throws java.sql.SQLException {
        AuditEvent event = event(rs);
        OffsetDateTime received = rs.getObject("received_at", OffsetDateTime.class);
        return received == null ? event
                : new AuditEvent(event.id(), event.at(), event.actor(), event.action(), event.sessionId(),
                        event.stepSequence(), event.formulaCode(), event.payload(), event.chain(), event.seq(),
                        event.prevHash(), event.hash(), event.keyId(), received.toInstant());
    }

    static AuditEvent event(java.sql.ResultSet rs) throws java.sql.SQLException {
        int step = rs.getInt("step_sequence");
        Integer stepSequence = rs.wasNull() ? null : step;
        return new AuditEvent(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("action"), rs.getObject("session_id", UUID.class), stepSequence,
                rs.getString("formula_code"), rs.getString("payload"), rs.getString("chain"), rs.getLong("seq"),
                rs.getString("prev_hash"), rs.getString("hash"), rs.getString("key_id"));
    }

}
