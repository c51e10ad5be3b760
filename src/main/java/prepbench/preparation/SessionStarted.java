package prepbench.preparation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A new preparation session was created with all its steps. */
public record SessionStarted(UUID sessionId, String formulaCode, int versionNo, int attemptNo, String operator,
        String bench, BigDecimal amount, String unit, BigDecimal batchMassG, int stepCount, Instant at) {
}
