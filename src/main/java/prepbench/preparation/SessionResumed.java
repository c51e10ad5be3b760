package prepbench.preparation;

import java.time.Instant;
import java.util.UUID;

/**
 * An operator started a formula they already had in progress, and got that session back.
 *
 * @param movedFrom the bench the session was at when it was resumed at another one; null when it stayed
 */
public record SessionResumed(UUID sessionId, String formulaCode, int attemptNo, String operator, String bench,
        String movedFrom, Instant at) {
}
