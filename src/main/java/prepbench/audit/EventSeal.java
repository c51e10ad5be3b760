package prepbench.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * What an audit event's hash covers, and how it is computed: the keyed seal of now and
 * the plain hash of before.
 */
final class EventSeal {

    static final String GENESIS = "0".repeat(64);

    private EventSeal() {
    }

    /**
     * HMAC-SHA-256 under the key over its id, the chain, the sequence, the previous hash
     * and the content.
     */
    static String seal(AuditKeys.Key key, String chain, long seq, String prevHash, Instant at, String actor,
            String action, UUID sessionId, Integer stepSequence, String formulaCode, String payload) {
        return AuditKeys.mac(key, String.join("\n", "prepbench-audit-v2", key.id(), chain, Long.toString(seq),
                content(prevHash, chain, at, actor, action, sessionId, stepSequence, formulaCode, payload)));
    }

    /** Whether the event's hash is the seal of its content under the given key. */
    static boolean sealed(AuditEvent event, AuditKeys.Key key) {
        return MessageDigest.isEqual(event.hash().getBytes(StandardCharsets.US_ASCII),
                seal(key, event.chain(), event.seq(), event.prevHash(), event.at(), event.actor(), event.action(),
                        event.sessionId(), event.stepSequence(), event.formulaCode(), event.payload())
                    .getBytes(StandardCharsets.US_ASCII));
    }

    /** The plain SHA-256 of events recorded before the trail was keyed. */
    static String legacyHash(AuditEvent event) {
        return sha256(content(event.prevHash(), event.chain(), event.at(), event.actor(), event.action(),
                event.sessionId(), event.stepSequence(), event.formulaCode(), event.payload()));
    }

    /** SHA-256 of the text (UTF-8), hex. */
    static String sha256(String text) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
    }

    private static String content(String prevHash, String chain, Instant at, String actor, String action,
            UUID sessionId, Integer stepSequence, String formulaCode, String payload) {
        return String.join("\n", prevHash, chain, at.toString(), actor, action,
                sessionId == null ? "" : sessionId.toString(), stepSequence == null ? "" : stepSequence.toString(),
                formulaCode == null ? "" : formulaCode, payload);
    }

}
