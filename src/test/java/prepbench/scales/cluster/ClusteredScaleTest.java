package prepbench.scales.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import prepbench.scales.Reading;
import prepbench.scales.ScaleState;

/**
 * A bench's balance on an instance that does not own it: the owner's readings as
 * published, never a stale one; and readings travel between instances unchanged.
 */
class ClusteredScaleTest {

    @Test
    void theOwnersReadingIsUsedWhileFreshAndOfflineOnceOlderThanTheLimitByThisInstancesClock()
            throws InterruptedException {
        ClusteredScale scale = new ClusteredScale("line-1", listener -> {
            throw new AssertionError("an instance that does not own the bench never connects it");
        }, reading -> {
        }, balance -> "-", null, Duration.ofMillis(300), Clock.systemUTC());
        assertThat(scale.read().state()).as("nothing received yet").isEqualTo(ScaleState.OFFLINE);

        Reading published = new Reading(new BigDecimal("78.000"), true, Instant.now(), ScaleState.OK);
        scale.received(published);
        assertThat(scale.read()).isEqualTo(published);
        assertThat(scale.read().capturable()).isTrue();

        Thread.sleep(400);
        assertThat(scale.read().state()).as("the owner went quiet").isEqualTo(ScaleState.OFFLINE);
        assertThat(scale.read().capturable()).isFalse();
    }

    static IntStream seeds() {
        return IntStream.rangeClosed(1, 300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aReadingOnTheWireComesBackAsItWasSent(int seed) {
        Random random = new Random(seed);
        ScaleState state = ScaleState.values()[random.nextInt(ScaleState.values().length)];
        boolean weight = state == ScaleState.OK || state == ScaleState.UNSTABLE;
        BigDecimal grams = weight ? BigDecimal.valueOf(random.nextLong(-10_000_000L, 10_000_000L), random.nextInt(0, 5))
                : null;
        Instant at = Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L), random.nextInt(1_000_000_000));
        String bench = "bench-" + Integer.toString(random.nextInt(1 << 20), 36) + (random.nextBoolean() ? "|x" : "");
        Reading reading = new Reading(grams, weight && random.nextBoolean(), at, state);

        BenchCluster.Wire.BenchReading back = BenchCluster.Wire.reading(BenchCluster.Wire.reading(bench, reading));

        assertThat(back.bench()).isEqualTo(bench);
        assertThat(back.reading()).isEqualTo(reading);
    }

}
