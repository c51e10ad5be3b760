package prepbench.preparation;

import java.math.BigDecimal;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the preparation rules.
 *
 * @param readabilityG the balance readability targets and tolerances are rounded to
 * @param maxBatchG the largest batch, in grams, a session may be started for
 * @param lock when a formula locks
 * @param zone the lab's time zone, for the calendar date an expiry is compared with; the
 * server's when not set
 * @param weighing how a weighing starts
 */
@ConfigurationProperties("prepbench")
public record PreparationProperties(@DefaultValue("0.001") BigDecimal readabilityG,
        @DefaultValue("100000") BigDecimal maxBatchG, @DefaultValue Lock lock, ZoneId zone,
        @DefaultValue Weighing weighing) {

    public PreparationProperties {
        zone = zone == null ? ZoneId.systemDefault() : zone;
        if (readabilityG.signum() <= 0 || maxBatchG.signum() <= 0) {
            throw new IllegalArgumentException("prepbench.readability-g and prepbench.max-batch-g must be positive");
        }
    }

    /**
     * @param minVesselG the least a tare must take away to count as the vessel on the pan
     * ({@code prepbench.weighing.min-vessel-g})
     * @param overDispense what a stable reading above the upper limit does:
     * {@code confirm} (the default: Capture turns into "Over target", which records it
     * only once confirmed) or {@code fail-after} (the step also fails by itself once the
     * balance has read a stable weight above the limit for {@code overDispenseAfter})
     * @param overDispenseAfter how long a stable reading above the limit lasts before
     * {@code fail-after} fails the step
     */
    public record Weighing(@DefaultValue("1") BigDecimal minVesselG, @DefaultValue("confirm") OverDispense overDispense,
            @DefaultValue("3s") java.time.Duration overDispenseAfter) {

        public Weighing {
            if (minVesselG.signum() <= 0) {
                throw new IllegalArgumentException("prepbench.weighing.min-vessel-g must be positive");
            }
            if (overDispenseAfter.isNegative() || overDispenseAfter.isZero()) {
                throw new IllegalArgumentException("prepbench.weighing.over-dispense-after must be positive");
            }
        }
    }

    /** What a stable reading above a step's upper limit does. */
    public enum OverDispense {

        CONFIRM, FAIL_AFTER

    }

    /**
     * @param maxConsecutiveFailures failed attempts in a row that lock a formula; 0
     * switches this off
     */
    public record Lock(@DefaultValue("3") int maxConsecutiveFailures) {
    }
}
