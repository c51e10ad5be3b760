package prepbench.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One recorded action.
 *
 * @param payload the details as a JSON object (values, reasons)
 */
public record AuditEvent(long id, Instant at, String actor, String action, UUID sessionId, Integer stepSequence,
        String formulaCode, String payload) {
}
