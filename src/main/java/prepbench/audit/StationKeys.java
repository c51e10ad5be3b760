package prepbench.audit;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The keys offline stations seal their trails with (issue 18, docs/sync.md). Central
 * issues each station a key id and a secret derived from its own current audit key and
 * that id, hands the secret over once inside the station's token, and stores only which
 * of its keys it was derived from: to verify what a station sends it derives the secret
 * again. Whoever can write central's database therefore cannot forge a station's events,
 * any more than central's own.
 */
@Service
public class StationKeys {

    /** What a station token starts with; the key id and the secret follow. */
    public static final String TOKEN_PREFIX = "pbst1.";

    private static final Pattern TOKEN = Pattern.compile("pbst1\\.(st-[0-9a-f]{16})\\.([A-Za-z0-9_-]{43})");

    private final JdbcClient jdbc;

    private final AuditKeys keys;

    private final Clock clock;

    private final Map<String, Optional<AuditKeys.Key>> derived = new ConcurrentHashMap<>();

    StationKeys(JdbcClient jdbc, AuditKeys keys, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
        keys.lookUpOthersIn(this::find);
    }

    /**
     * A key issued to a station: its id, the token that carries its secret, and the
     * authentication the station will send derived from it.
     */
    public record Issued(String keyId, String token, String authentication) {
    }

    /**
     * Issues a new station key under central's current audit key; the caller stores the
     * token's hash and shows the token once.
     */
    public Issued issue() {
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        String keyId = "st-" + HexFormat.of().formatHex(random);
        AuditKeys.Key central = keys.current();
        jdbc.sql("INSERT INTO station_key (key_id, central_key_id, issued_at) VALUES (:id, :central, :at)")
            .param("id", keyId)
            .param("central", central.id())
            .param("at", clock.instant().atOffset(ZoneOffset.UTC))
            .update();
        String token = TOKEN_PREFIX + keyId + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(secret(central, keyId));
        return new Issued(keyId, token, authenticationOf(token));
    }

    /** What a station's requests carry: {@code pbsa1.<key id>.<proof>}. */
    public static final String AUTH_PREFIX = "pbsa1.";

    private static final Pattern AUTH = Pattern.compile("pbsa1\\.(st-[0-9a-f]{16})\\.([A-Za-z0-9_-]{43})");

    /**
     * What a station sends to authenticate: a proof derived from its secret, never the
     * secret that seals its trail, so a request seen on the way cannot forge its events.
     * @throws IllegalArgumentException when the text is no station token
     */
    public static String authenticationOf(String token) {
        AuditKeys.Key key = fromToken(token);
        return AUTH_PREFIX + key.id() + "."
                + Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(AuditKeys.macBytes(key, "prepbench-station-auth"));
    }

    /** The key id a station's authentication names, if it is one. */
    public static Optional<String> keyIdOfAuthentication(String authentication) {
        var matcher = AUTH.matcher(authentication == null ? "" : authentication.strip());
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The key id a station token names, if it is one. */
    public static Optional<String> keyIdOf(String token) {
        var matcher = TOKEN.matcher(token == null ? "" : token.strip());
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /**
     * The key a station token carries, for the station's own ring.
     * @throws IllegalArgumentException when the text is no station token
     */
    static AuditKeys.Key fromToken(String token) {
        var matcher = TOKEN.matcher(token.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("prepbench.sync.token is not a station token (" + TOKEN_PREFIX
                    + "…, as central's POST /api/v1/stations gave it)");
        }
        return new AuditKeys.Key(matcher.group(1),
                new SecretKeySpec(Base64.getUrlDecoder().decode(matcher.group(2)), "HmacSHA256"));
    }

    private Optional<AuditKeys.Key> find(String keyId) {
        if (!keyId.startsWith("st-")) {
            return Optional.empty();
        }
        Optional<AuditKeys.Key> key = derived.get(keyId);
        if (key != null) {
            return key;
        }
        key = jdbc.sql("SELECT central_key_id FROM station_key WHERE key_id = :id")
            .param("id", keyId)
            .query(String.class)
            .optional()
            .flatMap(keys::key)
            .map(central -> new AuditKeys.Key(keyId, new SecretKeySpec(secret(central, keyId), "HmacSHA256")));
        if (key.isPresent()) {
            // a station key once issued never changes; one not (yet) issued is looked up
            // again next time
            derived.put(keyId, key);
        }
        return key;
    }

    /** The secret: 32 bytes (43 characters of unpadded base64url in the token). */
    private static byte[] secret(AuditKeys.Key central, String keyId) {
        return AuditKeys.macBytes(central, "prepbench-station-key\n" + keyId);
    }

}
