package prepbench.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * An event was appended to a chain, in the transaction that is writing it: a station's
 * outbox takes its preparations' events from here (issue 18).
 *
 * @param sessionId the preparation the event is about; null for other chains
 */
public record ChainExtended(String chain, long seq, UUID sessionId, Instant at) {
}
