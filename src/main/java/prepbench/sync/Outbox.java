package prepbench.sync;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import prepbench.audit.ChainExtended;

/**
 * A station's outbox (docs/sync.md): every event of a preparation, written by a
 * synchronous listener in the transaction that records it, so the change, its event and
 * its place in the outbox commit together or not at all. The relay marks them sent once
 * central has them.
 */
@Component
class Outbox {

    private final JdbcClient jdbc;

    private final boolean station;

    Outbox(JdbcClient jdbc, SyncProperties properties) {
        this.jdbc = jdbc;
        this.station = properties.isStation();
    }

    @EventListener
    void on(ChainExtended extended) {
        if (!station || extended.sessionId() == null || !extended.chain().startsWith("session:")) {
            return;
        }
        jdbc.sql("""
                INSERT INTO sync_outbox (chain, seq, session_id, written_at)
                VALUES (:chain, :seq, :session, :at)
                """)
            .param("chain", extended.chain())
            .param("seq", extended.seq())
            .param("session", extended.sessionId())
            .param("at", extended.at().atOffset(ZoneOffset.UTC))
            .update();
    }

    /**
     * A preparation's events waiting to be sent: from this place of its chain to that.
     */
    record Waiting(String chain, long fromSeq, long toSeq) {
    }

    /** The preparations with events waiting, the longest waiting first. */
    List<Waiting> waiting(int preparations) {
        return jdbc.sql("""
                SELECT chain, MIN(seq) AS from_seq, MAX(seq) AS to_seq, MIN(written_at) AS since
                  FROM sync_outbox WHERE sent_at IS NULL
                 GROUP BY chain ORDER BY since, chain LIMIT :limit
                """)
            .param("limit", preparations)
            .query((rs, n) -> new Waiting(rs.getString("chain"), rs.getLong("from_seq"), rs.getLong("to_seq")))
            .list();
    }

    /** Marks the chain's events up to that place sent. */
    void sent(String chain, long throughSeq, Instant at) {
        jdbc.sql("UPDATE sync_outbox SET sent_at = :at WHERE chain = :chain AND seq <= :through AND sent_at IS NULL")
            .param("at", at.atOffset(ZoneOffset.UTC))
            .param("chain", chain)
            .param("through", throughSeq)
            .update();
        jdbc.sql("UPDATE sync_contact SET last_sent_at = :at, last_problem = NULL WHERE id = 1")
            .param("at", at.atOffset(ZoneOffset.UTC))
            .update();
    }

    /** Central misses the chain's events from that place on: they wait again. */
    void sendAgain(String chain, long fromSeq) {
        jdbc.sql("UPDATE sync_outbox SET sent_at = NULL WHERE chain = :chain AND seq >= :from")
            .param("chain", chain)
            .param("from", fromSeq)
            .update();
    }

    /** What went wrong the last time, for the diagnostics page; null clears it. */
    void problem(String problem) {
        jdbc.sql("UPDATE sync_contact SET last_problem = :problem WHERE id = 1")
            .param("problem",
                    problem == null ? null : problem.length() > 500 ? problem.substring(0, 499) + "…" : problem)
            .update();
    }

    /** How many events wait, since when, and the station's last contact. */
    Counts counts() {
        record Pending(long waiting, Instant since) {
        }
        Pending pending = jdbc
            .sql("SELECT COUNT(*) AS waiting, MIN(written_at) AS since FROM sync_outbox " + "WHERE sent_at IS NULL")
            .query((rs, n) -> new Pending(rs.getLong("waiting"), instant(rs.getObject("since", OffsetDateTime.class))))
            .single();
        return jdbc.sql("SELECT last_sent_at, last_refresh_at, last_problem FROM sync_contact WHERE id = 1")
            .query((rs, n) -> new Counts(pending.waiting(), pending.since(),
                    instant(rs.getObject("last_sent_at", OffsetDateTime.class)),
                    instant(rs.getObject("last_refresh_at", OffsetDateTime.class)), rs.getString("last_problem")))
            .optional()
            .orElse(new Counts(pending.waiting(), pending.since(), null, null, null));
    }

    record Counts(long waiting, Instant oldestWaitingSince, Instant lastSentAt, Instant lastRefreshAt,
            String lastProblem) {
    }

    /** When the station last took central's data; null when never. */
    Instant lastRefreshAt() {
        return jdbc.sql("SELECT last_refresh_at FROM sync_contact WHERE id = 1")
            .query((rs, n) -> instant(rs.getObject("last_refresh_at", OffsetDateTime.class)))
            .optional()
            .orElse(null);
    }

    /** How many of the preparation's events wait. */
    long waitingOf(java.util.UUID sessionId) {
        return jdbc.sql("SELECT COUNT(*) FROM sync_outbox WHERE session_id = :session AND sent_at IS NULL")
            .param("session", sessionId)
            .query(Long.class)
            .single();
    }

    private static Instant instant(OffsetDateTime at) {
        return Optional.ofNullable(at).map(OffsetDateTime::toInstant).orElse(null);
    }

}
