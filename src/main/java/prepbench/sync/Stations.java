package prepbench.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import prepbench.access.Actor;
import prepbench.access.Permission;
import prepbench.audit.StationKeys;
import prepbench.audit.StationTrail;
import prepbench.entry.Text;

/**
 * Central's register of its stations (issue 18): an admin registers one by name and gets
 * its token, once; a request under {@code /api/v1/central} is the station whose token it
 * carries. Only the token's SHA-256 is stored.
 */
@Service
public class Stations {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,50}");

    private final JdbcClient jdbc;

    private final StationKeys keys;

    private final StationTrail trail;

    private final SyncProperties properties;

    private final TransactionTemplate transaction;

    private final Clock clock;

    Stations(JdbcClient jdbc, StationKeys keys, StationTrail trail, SyncProperties properties,
            PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.trail = trail;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** A station as central knows it. */
    public record Station(String name, String keyId, Instant createdAt, String createdBy, Instant lastSeenAt,
            Long clockOffsetMs, Instant revokedAt, String revokedBy) {
    }

    /** A station just registered, with its token: shown this once. */
    public record NewStation(String name, String token) {
    }

    /**
     * Registers a station (admins, at a central).
     * @throws SyncRefused when the name is not a station name, is taken, or this instance
     * is itself a station
     */
    public NewStation register(Actor admin, String name) {
        admin.require(Permission.MANAGE_ACCOUNTS);
        if (properties.isStation()) {
            throw new SyncRefused(SyncRefused.Rule.NOT_CENTRAL,
                    Text.of("refused.station.not-central", properties.centralUrl().toString()));
        }
        String stationName = name == null ? "" : name.strip();
        if (!NAME.matcher(stationName).matches()) {
            throw new SyncRefused(SyncRefused.Rule.INVALID_STATION_NAME, Text.of("refused.station.invalid-name"));
        }
        try {
            return transaction.execute(tx -> {
                StationKeys.Issued issued = keys.issue();
                Instant now = clock.instant();
                jdbc.sql("""
                        INSERT INTO station (name, key_id, token_hash, created_at, created_by)
                        VALUES (:name, :key, :hash, :at, :by)
                        """)
                    .param("name", stationName)
                    .param("key", issued.keyId())
                    .param("hash", sha256(issued.authentication()))
                    .param("at", now.atOffset(ZoneOffset.UTC))
                    .param("by", admin.username())
                    .update();
                trail.recordRegistered(stationName, issued.keyId(), admin.username(), now);
                return new NewStation(stationName, issued.token());
            });
        }
        catch (DuplicateKeyException taken) {
            throw new SyncRefused(SyncRefused.Rule.STATION_EXISTS, Text.of("refused.station.exists", stationName));
        }
    }

    /**
     * Revokes a station (admins): central answers it no more (a stolen station PC, a
     * station taken out of service); what it sent stays.
     * @throws SyncRefused when there is no such station, or it is revoked already
     */
    public Station revoke(Actor admin, String name) {
        admin.require(Permission.MANAGE_ACCOUNTS);
        return transaction.execute(tx -> {
            Instant now = clock.instant();
            int revoked = jdbc
                .sql("UPDATE station SET revoked_at = :at, revoked_by = :by WHERE name = :name AND revoked_at IS NULL")
                .param("at", now.atOffset(ZoneOffset.UTC))
                .param("by", admin.username())
                .param("name", name)
                .update();
            if (revoked == 0) {
                throw new SyncRefused(SyncRefused.Rule.NO_SUCH_STATION, Text.of("refused.station.none", name));
            }
            trail.recordRevoked(name, admin.username(), now);
            return jdbc.sql("SELECT " + COLUMNS + " FROM station WHERE name = :name")
                .param("name", name)
                .query((rs, n) -> station(rs))
                .single();
        });
    }

    /** Every station, by name (admins). */
    public List<Station> all(Actor admin) {
        admin.require(Permission.DIAGNOSE);
        return jdbc.sql("SELECT " + COLUMNS + " FROM station ORDER BY name").query((rs, n) -> station(rs)).list();
    }

    /**
     * The station whose authentication this is (what its requests carry, derived from its
     * token), if there is one.
     */
    Optional<Station> authenticate(String authentication) {
        if (StationKeys.keyIdOfAuthentication(authentication).isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM station WHERE token_hash = :hash AND revoked_at IS NULL")
            .param("hash", sha256(authentication.strip()))
            .query((rs, n) -> station(rs))
            .optional();
    }

    /** The station was heard from now, its clock this far ahead of central's. */
    void seen(String name, long clockOffsetMs) {
        jdbc.sql("UPDATE station SET last_seen_at = :at, clock_offset_ms = :offset WHERE name = :name")
            .param("at", clock.instant().atOffset(ZoneOffset.UTC))
            .param("offset", clockOffsetMs)
            .param("name", name)
            .update();
    }

    private static final String COLUMNS = "name, key_id, created_at, created_by, last_seen_at, clock_offset_ms, "
            + "revoked_at, revoked_by";

    private static Station station(java.sql.ResultSet rs) throws java.sql.SQLException {
        OffsetDateTime seen = rs.getObject("last_seen_at", OffsetDateTime.class);
        long offset = rs.getLong("clock_offset_ms");
        Long clockOffset = rs.wasNull() ? null : offset;
        OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
        return new Station(rs.getString("name"), rs.getString("key_id"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"),
                seen == null ? null : seen.toInstant(), clockOffset, revoked == null ? null : revoked.toInstant(),
                rs.getString("revoked_by"));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
    }

}
