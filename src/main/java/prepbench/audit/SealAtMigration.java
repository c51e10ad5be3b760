package prepbench.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 13: every chain recorded before the trail was keyed (its events have no key
 * id; their hashes are plain SHA-256, which anyone with write access could recompute)
 * gets one more event, {@code CHAIN_SEALED}, sealed under the audit key and linked to the
 * chain's last hash. From then on, changing any earlier event breaks the link the key
 * vouches for. The event says it was sealed at migration and how many events it seals;
 * the record shows it.
 */
@Component
public class SealAtMigration implements JavaMigration {

    private final AuditKeys keys;

    private final Clock clock;

    SealAtMigration(AuditKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * The migration for a Flyway run outside PrepBench (a database administrator's, or a
     * test's): it seals under the key ring given as {@code prepbench.audit.key} takes it.
     */
    public static SealAtMigration withKeyRing(String keyRing) {
        // microseconds, as the databases store times: the time sealed is the time read
        // back
        return new SealAtMigration(AuditKeys.parse(keyRing, "the key ring given"),
                Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1_000)));
    }

    private record Unsealed(String chain, long seq, String hash, UUID sessionId, String formulaCode, long events) {
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<Unsealed> chains = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT e.chain, e.seq, e.hash, e.session_id, e.formula_code, last.events
                  FROM audit_event e
                  JOIN (SELECT chain, MAX(seq) AS seq, COUNT(*) AS events FROM audit_event
                         WHERE chain IS NOT NULL GROUP BY chain HAVING COUNT(key_id) = 0) last
                    ON e.chain = last.chain AND e.seq = last.seq
                 ORDER BY e.chain
                """); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                chains.add(new Unsealed(rows.getString(1), rows.getLong(2), rows.getString(3),
                        rows.getObject(4, UUID.class), rows.getString(5), rows.getLong(6)));
            }
        }
        Instant at = clock.instant();
        AuditKeys.Key key = keys.current();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO audit_event (occurred_at, actor, action, session_id, step_sequence, formula_code, payload,
                                         chain, seq, prev_hash, hash, key_id)
                VALUES (?, 'system', ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            for (Unsealed chain : chains) {
                long seq = chain.seq() + 1;
                String payload = "{\"sealedAtMigration\":true,\"sealedEvents\":" + chain.events() + ",\"lastHash\":\""
                        + chain.hash() + "\",\"note\":\"sealed at migration: the events before this one were recorded "
                        + "before the trail was keyed\"}";
                insert.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                insert.setString(2, ChainWalk.CHAIN_SEALED);
                insert.setObject(3, chain.sessionId());
                insert.setString(4, chain.formulaCode());
                insert.setString(5, payload);
                insert.setString(6, chain.chain());
                insert.setLong(7, seq);
                insert.setString(8, chain.hash());
                insert.setString(9, EventSeal.seal(key, chain.chain(), seq, chain.hash(), at, "system",
                        ChainWalk.CHAIN_SEALED, chain.sessionId(), null, chain.formulaCode(), payload));
                insert.setString(10, key.id());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("13");
    }

    @Override
    public String getDescription() {
        return "seal audit chains under the key";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

}
