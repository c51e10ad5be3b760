package prepbench.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The result of verifying everything: every chain, every record its chain vouches for,
 * and every checkpoint.
 *
 * @param chains how many chains were verified
 * @param events how many events they hold
 * @param problems what is wrong (at most {@link #MAX_LISTED}); empty when intact
 * @param problemCount how many problems were found in all
 */
public record TrailVerification(boolean intact, int chains, long events, List<AuditProblem> problems, int problemCount,
        Instant at, Duration took) {

    /** Problems listed in one result; more are counted. */
    public static final int MAX_LISTED = 1000;

    public TrailVerification {
        problems = List.copyOf(problems);
        intact = problemCount == 0;
    }
}
