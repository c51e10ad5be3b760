package prepbench.preparation;

import java.time.Instant;
import java.util.UUID;

/** An operator started a formula they already had in progress, and got that session back. */
public record SessionResumed(UUID sessionId, String formulaCode, int attemptNo, String operator, String bench,
        Instant at) {
}
