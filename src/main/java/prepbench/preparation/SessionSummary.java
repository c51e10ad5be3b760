package prepbench.preparation;

import java.time.Instant;
import java.util.UUID;

/** A session as lists show it, without its steps. */
public record SessionSummary(UUID id, String formulaCode, String formulaName, int versionNo, int attemptNo,
        SessionStatus status, String operator, String bench, BatchSize batch, int stepCount, int stepsDone,
        Instant startedAt, Instant endedAt) {
}
