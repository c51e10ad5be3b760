package prepbench.audit;

import java.util.List;

/**
 * Whether an audit chain, and the record it vouches for, is intact: every event sealed
 * under a known key with a MAC that matches its content, numbered without a gap, linked
 * to the event before it, no shorter than its last checkpoint, and every value of the
 * record the one its events set.
 *
 * @param events how many events the chain has
 * @param problems what is wrong, in the order found; empty when intact
 */
public record ChainVerification(String chain, int events, boolean intact, List<AuditProblem> problems) {

    public ChainVerification {
        problems = List.copyOf(problems);
        intact = problems.isEmpty();
    }

    static ChainVerification of(String chain, int events, List<AuditProblem> problems) {
        return new ChainVerification(chain, events, problems.isEmpty(), problems);
    }

    /** The first problem as a sentence; null when intact. */
    public String problem() {
        return problems.isEmpty() ? null : problems.get(0).sentence();
    }
}
