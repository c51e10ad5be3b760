package prepbench.preparation;

import java.time.Instant;
import java.util.UUID;

/**
 * A locked formula: since when, why, and the session that locked it (null after
 * consecutive failures).
 */
public record FormulaLock(String formulaCode, Instant lockedAt, String reason, UUID sessionId) {
}
