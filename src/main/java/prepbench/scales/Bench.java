package prepbench.scales;

import java.time.Instant;
import java.time.InstantSource;

/**
 * A bench's balance and what PrepBench has seen of it: when it last read a stable zero or was zeroed or tared,
 * which a weighing step needs after its container is scanned.
 */
final class Bench {

    private final Scale scale;
    private final InstantSource clock;
    private volatile Instant zeroedAt;

    Bench(Scale scale, InstantSource clock) {
        this.scale = scale;
        this.clock = clock;
    }

    Scale scale() {
        return scale;
    }

    Reading read() {
        Reading reading = scale.read();
        seen(reading);
        return reading;
    }

    /** Notes a reading of this bench's balance: a stable zero counts as the balance zeroed at that moment. */
    void seen(Reading reading) {
        if (reading.isStableZero()) {
            zeroed(reading.at());
        }
    }

    void zero() {
        scale.zero();
        zeroed(clock.instant());
    }

    void tare() {
        scale.tare();
        zeroed(clock.instant());
    }

    /** Only ever moves forward: a zero reading that arrived before a tare does not undo the tare. */
    private synchronized void zeroed(Instant at) {
        if (zeroedAt == null || at.isAfter(zeroedAt)) {
            zeroedAt = at;
        }
    }

    Instant zeroedAt() {
        return zeroedAt;
    }
}
