package prepbench.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One recorded action.
 *
 * @param chain the hash chain the event belongs to: {@code session:<id>} or {@code formula:<code>}
 * @param prevHash the hash of the chain's previous event; 64 zeros for the first
 * @param hash SHA-256 over the previous hash and this event's content, hex
 * @param payload the details as a JSON object (values, reasons)
 */
public record AuditEvent(long id, Instant at, String actor, String action, UUID sessionId, Integer stepSequence,
        String formulaCode, String payload, String chain, String prevHash, String hash) {
}
