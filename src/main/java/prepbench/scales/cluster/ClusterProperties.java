package prepbench.scales.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Several instances on one PostgreSQL ({@code prepbench.cluster.*}).
 *
 * @param enabled whether this instance shares its benches with others: each balance is
 * then connected by one instance at a time, elected through the database, and its
 * readings and commands travel through PostgreSQL's LISTEN/NOTIFY
 * @param instanceId how this instance is named on the diagnostics page and in the
 * database; the host name and process id when not set
 * @param takeoverSeconds the longest a bench stays without an owner after its owner died:
 * the owner renews its lease every fifth of it, another instance takes the bench over
 * once the lease is three fifths old, and an owner that could not renew for two fifths
 * lets go of the balance first
 */
@ConfigurationProperties("prepbench.cluster")
public record ClusterProperties(@DefaultValue("false") boolean enabled, String instanceId,
        @DefaultValue("5") int takeoverSeconds) {

    public ClusterProperties {
        if (takeoverSeconds < 1) {
            throw new IllegalArgumentException("prepbench.cluster.takeover-seconds must be at least 1");
        }
    }

    /** How often an instance renews its leases and looks for benches without an owner. */
    public Duration heartbeat() {
        return Duration.ofMillis(takeoverSeconds * 200L);
    }

    /** How old a lease may grow before another instance takes the bench over. */
    public Duration lease() {
        return Duration.ofMillis(takeoverSeconds * 600L);
    }

    /**
     * How long an owner keeps its balance connection without a renewed lease: shorter
     * than the lease, so that it has let go before anyone may take over.
     */
    public Duration fence() {
        return Duration.ofMillis(takeoverSeconds * 400L);
    }

}
