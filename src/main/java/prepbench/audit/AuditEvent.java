package prepbench.audit;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

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
 * @param receivedAt at central, for an event a station recorded (issue 18): when it
 * arrived ({@code at} is the station's clock); null for an event recorded here
 */
public record AuditEvent(long id, Instant at, String actor, String action, UUID sessionId, Integer stepSequence,
        String formulaCode, String payload, String chain, long seq, String prevHash, String hash, String keyId,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant receivedAt) {

    /** An event recorded here (or not read with when it arrived). */
    public AuditEvent(long id, Instant at, String actor, String action, UUID sessionId, Integer stepSequence,
            String formulaCode, String payload, String chain, long seq, String prevHash, String hash, String keyId) {
        this(id, at, actor, action, sessionId, stepSequence, formulaCode, payload, chain, seq, prevHash, hash, keyId,
                null);
    }

}
