package prepbench.support;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benches a test names explicitly. A bench holds one preparation in progress at a time,
 * and tests share their station (and, on PostgreSQL, their database); the test station
 * has {@code prepbench.simulated-benches} (400) simulated benches, and this hands out
 * each of the upper ones once, far from those a start without a bench takes first.
 */
public final class TestBenches {

    private static final AtomicInteger NEXT = new AtomicInteger(200);

    private TestBenches() {
    }

    /** A simulated bench no other test names. */
    public static String next() {
        return "sim-" + NEXT.incrementAndGet();
    }

}
