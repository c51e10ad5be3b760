package prepbench.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One recorded action.
 *
 * @param chain the chain the event belongs to, for example {@code session:<id>} or
 * {@code formula:<code>}
 * @param seq the event's place in its chain: 1, 2, 3… with no gap
 * @param prevHash the hash of the chain's previous event; 64 zeros for the first
 * @param hash HMAC-SHA-256 under the key {@code keyId} over the key id, chain, sequence,
 * previous hash and this event's content, hex; for an event recorded before the trail was
 * keyed ({@code keyId} null), the plain SHA-256 of before
 * @param keyId the key that sealed the event; null for an event recorded before the trail
 * was keyed
 * @param payload the details as a JSON object (values, reasons)
 */
public record AuditEvent(long id, Instant at, String actor, String action, UUID sessionId, Integer stepSequence,
        String formulaCode, String payload, String chain, long seq, String prevHash, String hash, String keyId) {
}
