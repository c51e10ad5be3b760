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
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
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
 * its token, once, and names the accounts allowed at it; a request under
 * {@code /api/v1/central} is the station whose token it carries. Only the token's SHA-256
 * is stored.
 */
@Service
public class Stations {

    /** A letter or digit first: "." and ".." are no names a page can address. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,49}");

    /** The most accounts a station's list may name. */
    static final int MAX_ACCOUNTS = 500;

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

    /**
     * A station as central knows it.
     *
     * @param accounts the accounts allowed at it now, by name
     */
    public record Station(String name, String keyId, Instant createdAt, String createdBy, Instant lastSeenAt,
            Long clockOffsetMs, Instant revokedAt, String revokedBy, List<String> accounts) {
    }

    /** A station just registered, with its token: shown this once. */
    public record NewStation(String name, String token, List<String> accounts) {
    }

    /**
     * Registers a station (admins, at a central) with the accounts allowed at it (none
     * when {@code accounts} is null: nobody signs in at the station until an admin names
     * them).
     * @throws SyncRefused when the name is not a station name, is taken, a name on the
     * list is no account, or this instance is itself a station
     */
    public NewStation register(Actor admin, String name, List<String> accounts) {
        admin.require(Permission.MANAGE_ACCOUNTS);
        notAStation();
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
                return new NewStation(stationName, issued.token(), allow(stationName, accounts, admin, now));
            });
        }
        catch (DuplicateKeyException taken) {
            throw new SyncRefused(SyncRefused.Rule.STATION_EXISTS, Text.of("refused.station.exists", stationName));
        }
    }

    private void notAStation() {
        if (properties.isStation()) {
            throw new SyncRefused(SyncRefused.Rule.NOT_CENTRAL,
                    Text.of("refused.station.not-central", properties.centralUrl().toString()));
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
            return find(name);
        });
    }

    /**
     * Gives the station this list of accounts (admins, at a central), in place of the one
     * it had: an account taken off it may not sign in at the station from its next
     * refresh, and central refuses what the station records under it from now on.
     * @throws SyncRefused when no station of that name is in service, or a name on the
     * list is no account here; nothing is changed then
     */
    public Station allowAccounts(Actor admin, String name, List<String> accounts) {
        admin.require(Permission.MANAGE_ACCOUNTS);
        notAStation();
        if (accounts == null) {
            // a list left out (or misspelt) is no list: only an empty one takes every
            // account off
            throw new SyncRefused(SyncRefused.Rule.INVALID_ACCOUNT_LIST, Text.of("refused.station.no-account-list"));
        }
        return transaction.execute(tx -> {
            // the station's row locked: two lists given at once are applied one after the
            // other
            boolean inService = jdbc
                .sql("SELECT name FROM station WHERE name = :name AND revoked_at IS NULL FOR UPDATE")
                .param("name", name)
                .query(String.class)
                .optional()
                .isPresent();
            if (!inService) {
                throw new SyncRefused(SyncRefused.Rule.NO_SUCH_STATION, Text.of("refused.station.none", name));
            }
            allow(name, accounts, admin, clock.instant());
            return find(name);
        });
    }

    /**
     * Ends the periods of the station's accounts not on the list and begins one for each
     * new name, in the caller's transaction; records what changed in the station's chain.
     * @return the accounts allowed at the station now, by name
     */
    private List<String> allow(String station, List<String> requested, Actor admin, Instant now) {
        SortedSet<String> wanted = new TreeSet<>();
        for (String username : requested == null ? List.<String>of() : requested) {
            if (username == null || username.isBlank()) {
                throw new SyncRefused(SyncRefused.Rule.INVALID_ACCOUNT_LIST, Text.of("refused.station.blank-account"));
            }
            wanted.add(username.strip());
        }
        if (wanted.size() > MAX_ACCOUNTS) {
            throw new SyncRefused(SyncRefused.Rule.INVALID_ACCOUNT_LIST,
                    Text.of("refused.station.too-many-accounts", MAX_ACCOUNTS));
        }
        Set<String> known = wanted.isEmpty() ? Set.of()
                : Set.copyOf(jdbc.sql("SELECT username FROM users WHERE username IN (:names)")
                    .param("names", wanted)
                    .query(String.class)
                    .list());
        List<String> unknown = wanted.stream().filter(username -> !known.contains(username)).toList();
        if (!unknown.isEmpty()) {
            throw new SyncRefused(SyncRefused.Rule.UNKNOWN_ACCOUNT,
                    Text.of("refused.station.unknown-account", String.join(", ", unknown)));
        }
        List<String> current = accountsOf(station);
        List<String> removed = current.stream().filter(username -> !wanted.contains(username)).toList();
        List<String> added = wanted.stream().filter(username -> !current.contains(username)).toList();
        for (String username : removed) {
            jdbc.sql("""
                    UPDATE station_account SET allowed_until = :at, removed_by = :by
                     WHERE station = :station AND username = :username AND allowed_until IS NULL
                    """)
                .param("at", now.atOffset(ZoneOffset.UTC))
                .param("by", admin.username())
                .param("station", station)
                .param("username", username)
                .update();
        }
        for (String username : added) {
            jdbc.sql("""
                    INSERT INTO station_account (station, username, allowed_from, allowed_by)
                    VALUES (:station, :username, :at, :by)
                    """)
                .param("station", station)
                .param("username", username)
                .param("at", now.atOffset(ZoneOffset.UTC))
                .param("by", admin.username())
                .update();
        }
        if (!added.isEmpty() || !removed.isEmpty()) {
            trail.recordAccounts(station, added, removed, admin.username(), now);
        }
        return List.copyOf(wanted);
    }

    /**
     * Whether the account was allowed at the station at that moment: central refuses what
     * a station recorded under an account outside the periods it was allowed there.
     */
    boolean allowedAt(String station, String username, Instant at) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM station_account
                 WHERE station = :station AND username = :username AND allowed_from <= :at
                   AND (allowed_until IS NULL OR allowed_until > :at)
                """)
            .param("station", station)
            .param("username", username)
            .param("at", at.atOffset(ZoneOffset.UTC))
            .query(Long.class)
            .single() > 0;
    }

    /** Every station, by name (admins). */
    public List<Station> all(Actor admin) {
        admin.require(Permission.DIAGNOSE);
        return jdbc.sql("SELECT " + COLUMNS + " FROM station ORDER BY name")
            .query((rs, n) -> station(rs))
            .list()
            .stream()
            .map(this::withAccounts)
            .toList();
    }

    private Station find(String name) {
        return withAccounts(jdbc.sql("SELECT " + COLUMNS + " FROM station WHERE name = :name")
            .param("name", name)
            .query((rs, n) -> station(rs))
            .single());
    }

    private Station withAccounts(Station station) {
        return new Station(station.name(), station.keyId(), station.createdAt(), station.createdBy(),
                station.lastSeenAt(), station.clockOffsetMs(), station.revokedAt(), station.revokedBy(),
                accountsOf(station.name()));
    }

    /** The accounts allowed at the station now, by name. */
    private List<String> accountsOf(String station) {
        return jdbc
            .sql("SELECT username FROM station_account WHERE station = :station AND allowed_until IS NULL "
                    + "ORDER BY username")
            .param("station", station)
            .query(String.class)
            .list();
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
            .optional()
            .map(this::withAccounts);
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
                rs.getString("revoked_by"), List.of());
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
