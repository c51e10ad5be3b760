package prepbench.scales;

import java.time.Instant;
import java.util.List;

/**
 * An instance of a cluster as the diagnostics page shows it.
 *
 * @param instanceId this instance
 * @param listening whether the database's notifications (readings, commands) reach it
 * @param owners who holds each bench's balance
 */
public record ClusterStatus(String instanceId, boolean listening, List<Owner> owners) {

    /**
     * @param thisInstance whether the owner is the instance that answers
     * @param heartbeatAgeMillis how old the owner's lease is, by the database's clock
     * @param current whether the lease is young enough to hold: when not, the next
     * instance to look takes the bench over
     */
    public record Owner(String benchId, String instanceId, boolean thisInstance, Instant acquiredAt,
            long heartbeatAgeMillis, boolean current) {
    }

}
