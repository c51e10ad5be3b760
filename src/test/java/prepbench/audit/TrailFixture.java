package prepbench.audit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a large audit trail quickly for the verification benchmark: chains of events
 * sealed and linked exactly as PrepBench seals them, inserted in JDBC batches. The chains
 * are named {@code bench-fixture:<n>} and stand for no record, so verifying them measures
 * the seals, links and sequence, not a record's replay.
 */
public final class TrailFixture {

    private TrailFixture() {
    }

    /**
     * Writes {@code chains} chains of {@code eventsPerChain} events each, sealed under
     * the ring's current key.
     */
    public static void write(DataSource dataSource, String keyRing, int chains, int eventsPerChain) {
        AuditKeys.Key key = AuditKeys.parse(keyRing, "benchmark key ring").current();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        String sql = """
                INSERT INTO audit_event (occurred_at, actor, action, session_id, step_sequence, formula_code, payload,
                                         chain, seq, prev_hash, hash, key_id)
                VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)
                """;
        for (int chain = 0; chain < chains; chain++) {
            String name = "bench-fixture:" + chain;
            String[] prev = { EventSeal.GENESIS };
            int first = chain;
            jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement insert, int index) throws SQLException {
                    long seq = index + 1;
                    Instant at = start.plusMillis(first * 1000L + index);
                    String payload = "{\"grams\":\"" + (index * 1.25) + "\",\"stable\":true,\"bench\":\"sim-"
                            + (first % 200) + "\",\"stepStatus\":\"ok\"}";
                    String hash = EventSeal.seal(key, name, seq, prev[0], at, "bench-technician", "WEIGHT_CAPTURED",
                            null, index % 10 + 1, "BENCH" + first % 50, payload);
                    insert.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                    insert.setString(2, "bench-technician");
                    insert.setString(3, "WEIGHT_CAPTURED");
                    insert.setInt(4, index % 10 + 1);
                    insert.setString(5, "BENCH" + first % 50);
                    insert.setString(6, payload);
                    insert.setString(7, name);
                    insert.setLong(8, seq);
                    insert.setString(9, prev[0]);
                    insert.setString(10, hash);
                    insert.setString(11, key.id());
                    prev[0] = hash;
                }

                @Override
                public int getBatchSize() {
                    return eventsPerChain;
                }
            });
        }
    }

}
