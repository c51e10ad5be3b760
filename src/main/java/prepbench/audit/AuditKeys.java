package prepbench.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys audit events and checkpoints are sealed with (HMAC-SHA-256). They are never in
 * the database: they come from a key file or the environment, one key per line as
 * {@code <key id> <base64 of at least 32 bytes>}. Events name the key that sealed them,
 * so a lab rotates its key by adding a line: the last key seals what is written from then
 * on, and the earlier ones still verify what they sealed.
 */
final class AuditKeys {

    /** The shortest key accepted, in bytes: as long as the MAC itself. */
    static final int MIN_KEY_BYTES = 32;

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    /** One key: its id, written on every event it seals, and the secret. */
    record Key(String id, SecretKeySpec secret) {
    }

    private final Map<String, Key> keys;

    private final Key current;

    /** Where keys not in the ring are looked up: the stations' keys, at a central. */
    private volatile Function<String, Optional<Key>> others = id -> Optional.empty();

    private AuditKeys(Map<String, Key> keys, Key current) {
        this.keys = keys;
        this.current = current;
    }

    /**
     * The ring with one more key, which seals what is written from then on: a station's
     * own key (issue 18), from its token.
     */
    AuditKeys sealingWith(Key key) {
        if (keys.containsKey(key.id())) {
            throw new IllegalArgumentException("key id " + key.id() + " appears twice");
        }
        Map<String, Key> all = new LinkedHashMap<>(keys);
        all.put(key.id(), key);
        return new AuditKeys(Map.copyOf(all), key);
    }

    /** A ring of the one key. */
    static AuditKeys of(Key key) {
        return new AuditKeys(Map.of(key.id(), key), key);
    }

    /** Where to look up the keys this ring does not hold (the stations' keys). */
    void lookUpOthersIn(Function<String, Optional<Key>> lookup) {
        this.others = lookup;
    }

    /**
     * Reads a key ring: one key per line (or per {@code ;}),
     * {@code <key id> <base64 secret>}; blank lines and lines starting with {@code #} are
     * skipped. The last key is the current one.
     * @param source where the text came from, for the message when it is not a key ring
     * @throws IllegalArgumentException naming the line that is not a key, or when there
     * is none
     */
    static AuditKeys parse(String text, String source) {
        Map<String, Key> keys = new LinkedHashMap<>();
        Key last = null;
        int lineNo = 0;
        for (String line : text.split("[\\r\\n;]+")) {
            lineNo++;
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            String[] parts = entry.split("\\s+");
            if (parts.length != 2 || !KEY_ID.matcher(parts[0]).matches()) {
                throw new IllegalArgumentException(source + ", entry " + lineNo + ": expected '<key id> <base64 key>' "
                        + "with a key id of letters, digits, '.', '_' or '-' (at most 32)");
            }
            byte[] secret;
            try {
                secret = Base64.getDecoder().decode(parts[1]);
            }
            catch (IllegalArgumentException notBase64) {
                throw new IllegalArgumentException(source + ", key " + parts[0] + ": the key is not base64");
            }
            if (secret.length < MIN_KEY_BYTES) {
                throw new IllegalArgumentException(source + ", key " + parts[0] + ": the key has " + secret.length
                        + " bytes; it needs at least " + MIN_KEY_BYTES);
            }
            if (keys.containsKey(parts[0])) {
                throw new IllegalArgumentException(source + ": key id " + parts[0] + " appears twice");
            }
            last = new Key(parts[0], new SecretKeySpec(secret, "HmacSHA256"));
            keys.put(last.id(), last);
        }
        if (last == null) {
            throw new IllegalArgumentException(source + " holds no key");
        }
        return new AuditKeys(Map.copyOf(keys), last);
    }

    /** A new key ring line with a random 256-bit key. */
    static String newKeyLine(String id) {
        byte[] secret = new byte[MIN_KEY_BYTES];
        new SecureRandom().nextBytes(secret);
        return id + " " + Base64.getEncoder().encodeToString(secret) + "\n";
    }

    /** The key that seals what is written now. */
    Key current() {
        return current;
    }

    /** The key with that id, if this installation has it. */
    Optional<Key> key(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Key key = keys.get(id);
        return key != null ? Optional.of(key) : others.apply(id);
    }

    /** HMAC-SHA-256 of the content under the key, hex. */
    static String mac(Key key, String content) {
        return HexFormat.of().formatHex(macBytes(key, content));
    }

    /** HMAC-SHA-256 of the content under the key. */
    static byte[] macBytes(Key key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key.secret());
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", impossible);
        }
    }

}
