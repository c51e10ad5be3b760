package prepbench.scales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulatedBalanceTest {

    private static final BigDecimal MILLIGRAM = new BigDecimal("0.001");

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    private final TestClock clock = new TestClock();

    private final SimulatedBalance balance = balance(MILLIGRAM, 42);

    @Test
    void startsAtAStableZero() {
        Reading reading = balance.read();

        assertThat(reading.grams()).isEqualTo(new BigDecimal("0.000"));
        assertThat(reading.stable()).isTrue();
        assertThat(reading.state()).isEqualTo(ScaleState.OK);
        assertThat(reading.at()).isEqualTo(clock.instant());
        assertThat(reading.capturable()).isTrue();
        assertThat(reading.grams()).isEqualByComparingTo("0");
        assertThat(balance.benchId()).isEqualTo("bench-1");
    }

    @Test
    void settlesLinearlyAndIsUnstableWhileMoving() {
        balance.load(grams("100"), ONE_SECOND, BigDecimal.ZERO);

        clock.advance(Duration.ofMillis(250));
        assertThat(balance.read()).isEqualTo(new Reading(grams("25.000"), false, clock.instant(), ScaleState.UNSTABLE));
        clock.advance(Duration.ofMillis(500));
        assertThat(balance.read()).isEqualTo(new Reading(grams("75.000"), false, clock.instant(), ScaleState.UNSTABLE));
        clock.advance(Duration.ofMillis(249));
        assertThat(balance.read().capturable()).isFalse();
    }

    @Test
    void readsTheExactLoadAtTheEndOfTheSettleTime() {
        balance.load(grams("100"), ONE_SECOND, BigDecimal.ZERO);

        clock.advance(ONE_SECOND);

        assertThat(balance.read()).isEqualTo(new Reading(grams("100.000"), true, clock.instant(), ScaleState.OK));
    }

    @Test
    void aLoadWithoutSettleTimeIsStableAtOnce() {
        balance.load(grams("42.5"), Duration.ZERO, BigDecimal.ZERO);

        assertThat(balance.read().capturable()).isTrue();
        assertThat(balance.read().grams()).isEqualTo(grams("42.500"));
    }

    @Test
    void aNewLoadMovesFromWhereThePanIs() {
        balance.load(grams("100"), ONE_SECOND, BigDecimal.ZERO);
        clock.advance(Duration.ofMillis(500));

        balance.load(grams("0"), ONE_SECOND, BigDecimal.ZERO);
        clock.advance(Duration.ofMillis(500));

        assertThat(balance.read().grams()).isEqualTo(grams("25.000"));
        assertThat(balance.settings().targetGrossG()).isEqualTo(grams("0"));
    }

    @Test
    void noiseWithinTheStabilityBandJittersStableReadings() {
        balance.load(grams("100"), Duration.ZERO, grams("0.002"));
        Set<BigDecimal> seen = new HashSet<>();

        for (int i = 0; i < 500; i++) {
            Reading reading = balance.read();
            assertThat(reading.capturable()).isTrue();
            assertThat(reading.grams()).isBetween(grams("99.998"), grams("100.002"));
            seen.add(reading.grams());
        }

        assertThat(seen).hasSizeGreaterThan(1);
    }

    @Test
    void noiseAboveTheStabilityBandIsNeverStable() {
        balance.load(grams("100"), ONE_SECOND, grams("0.05"));
        clock.advance(Duration.ofHours(1));

        for (int i = 0; i < 500; i++) {
            Reading reading = balance.read();
            assertThat(reading.state()).isEqualTo(ScaleState.UNSTABLE);
            assertThat(reading.stable()).isFalse();
            assertThat(reading.grams()).isBetween(grams("99.950"), grams("100.050"));
        }
    }

    @Test
    void theSameSeedReplaysTheSameNoise() {
        SimulatedBalance twin = balance(MILLIGRAM, 42);
        balance.load(grams("10"), Duration.ZERO, grams("0.5"));
        twin.load(grams("10"), Duration.ZERO, grams("0.5"));

        for (int i = 0; i < 20; i++) {
            assertThat(twin.read()).isEqualTo(balance.read());
        }
    }

    @ParameterizedTest
    @CsvSource({ "0.001, 1.23449, 1.234", "0.001, 1.2345,  1.235", "0.01,  12.345,  12.35", "0.01,  12.344,  12.34",
            "0.01,  -12.345, -12.35", "0.1,   0.04,    0.0", "0.005, 1.2374,  1.235", "0.005, 1.2376,  1.240" })
    void roundsReadingsHalfUpToTheReadability(String readability, String load, String shown) {
        SimulatedBalance coarse = balance(grams(readability), 1);

        coarse.load(grams(load), Duration.ZERO, BigDecimal.ZERO);

        assertThat(coarse.read().grams()).isEqualTo(grams(shown));
    }

    @Test
    void tareSubtractsTheContainer() {
        balance.load(grams("50.2"), Duration.ZERO, BigDecimal.ZERO);

        balance.tare();

        assertThat(balance.read().capturable()).isTrue();
        assertThat(balance.read().grams()).isEqualByComparingTo("0");
        assertThat(balance.settings().tareG()).isEqualByComparingTo("50.2");
        balance.load(grams("62.7"), Duration.ZERO, BigDecimal.ZERO);
        assertThat(balance.read().grams()).isEqualTo(grams("12.500"));
        balance.load(grams("0"), Duration.ZERO, BigDecimal.ZERO);
        assertThat(balance.read().grams()).isEqualTo(grams("-50.200"));
    }

    @Test
    void tareAfterZeroSubtractsOnlyTheContainer() {
        balance.load(grams("3"), Duration.ZERO, BigDecimal.ZERO);
        balance.zero();
        balance.load(grams("53"), Duration.ZERO, BigDecimal.ZERO);

        balance.tare();

        assertThat(balance.settings().tareG()).isEqualByComparingTo("50");
        balance.load(grams("63"), Duration.ZERO, BigDecimal.ZERO);
        assertThat(balance.read().grams()).isEqualTo(grams("10.000"));
    }

    @Test
    void zeroReZeroesAndClearsTheTare() {
        balance.load(grams("50"), Duration.ZERO, BigDecimal.ZERO);
        balance.tare();
        balance.load(grams("60"), Duration.ZERO, BigDecimal.ZERO);

        balance.zero();

        assertThat(balance.read().capturable()).isTrue();
        assertThat(balance.read().grams()).isEqualByComparingTo("0");
        assertThat(balance.settings().tareG()).isEqualByComparingTo("0");
        balance.load(grams("0"), Duration.ZERO, BigDecimal.ZERO);
        assertThat(balance.read().grams()).isEqualTo(grams("-60.000"));
    }

    @Test
    void refusesToZeroOrTareWhileMoving() {
        balance.load(grams("50"), ONE_SECOND, BigDecimal.ZERO);
        clock.advance(Duration.ofMillis(500));

        assertThatThrownBy(balance::zero).isInstanceOf(ScaleCommandRefused.class)
            .hasMessage("The balance is not stable: wait until it settles, then zero it again.")
            .extracting("state")
            .isEqualTo(ScaleState.UNSTABLE);
        assertThatThrownBy(balance::tare).isInstanceOf(ScaleCommandRefused.class)
            .hasMessage("The balance is not stable: wait until it settles, then tare it again.");
        clock.advance(Duration.ofMillis(500));
        assertThat(balance.read().grams()).isEqualTo(grams("50.000"));
    }

    @Test
    void refusesToZeroOrTareWhileOffline() {
        balance.setOffline(true);

        assertThatThrownBy(balance::zero).isInstanceOf(ScaleCommandRefused.class)
            .hasMessage("The balance is offline: check its cable and power.");
        assertThatThrownBy(balance::tare).isInstanceOf(ScaleCommandRefused.class)
            .hasMessage("The balance is offline: check its cable and power.");
    }

    @Test
    void refusesToZeroOrTareWhileOverloaded() {
        balance.load(grams("7000"), Duration.ZERO, BigDecimal.ZERO);

        assertThatThrownBy(balance::zero).isInstanceOf(ScaleCommandRefused.class)
            .hasMessage("The balance is overloaded: take the load off the pan, then zero it again.");
        assertThatThrownBy(balance::tare).isInstanceOf(ScaleCommandRefused.class)
            .hasMessage("The balance is overloaded: take the load off the pan, then tare it again.");
        assertThat(balance.settings().tareG()).isEqualByComparingTo("0");
    }

    @Test
    void refusesToZeroWhileThePanIsLifted() {
        balance.load(grams("-200"), Duration.ZERO, BigDecimal.ZERO);

        assertThatThrownBy(balance::zero).isInstanceOf(ScaleCommandRefused.class)
            .hasMessage("The balance reads underload: put the pan back in place, then zero it again.");
    }

    @Test
    void overloadsAboveTheCapacity() {
        balance.load(SimulatedBalance.DEFAULT_CAPACITY_G, Duration.ZERO, BigDecimal.ZERO);
        assertThat(balance.read().grams()).isEqualTo(grams("6200.000"));

        balance.load(grams("6200.001"), Duration.ZERO, BigDecimal.ZERO);

        assertThat(balance.read()).isEqualTo(new Reading(null, false, clock.instant(), ScaleState.OVERLOAD));
    }

    @Test
    void theCapacityCountsTheContainerEvenWhenTared() {
        balance.load(grams("500"), Duration.ZERO, BigDecimal.ZERO);
        balance.tare();

        balance.load(grams("6300"), Duration.ZERO, BigDecimal.ZERO);

        assertThat(balance.read().state()).isEqualTo(ScaleState.OVERLOAD);
    }

    @Test
    void readsUnderloadWhenThePanIsLifted() {
        balance.load(grams("-124"), Duration.ZERO, BigDecimal.ZERO);
        assertThat(balance.read().grams()).isEqualTo(grams("-124.000"));

        balance.load(grams("-200"), Duration.ZERO, BigDecimal.ZERO);

        assertThat(balance.read()).isEqualTo(new Reading(null, false, clock.instant(), ScaleState.UNDERLOAD));
    }

    @Test
    void aZeroedContainerTakenOffReadsNegativeNotUnderload() {
        balance.load(grams("500"), Duration.ZERO, BigDecimal.ZERO);
        balance.zero();

        balance.load(grams("0"), Duration.ZERO, BigDecimal.ZERO);

        assertThat(balance.read()).isEqualTo(new Reading(grams("-500.000"), true, clock.instant(), ScaleState.OK));
    }

    @Test
    void goesOfflineAndComesBackWithItsLoad() {
        balance.load(grams("10"), Duration.ZERO, BigDecimal.ZERO);

        balance.setOffline(true);
        clock.advance(ONE_SECOND);

        assertThat(balance.read()).isEqualTo(Reading.offline(clock.instant()));
        assertThat(balance.settings().offline()).isTrue();
        balance.setOffline(false);
        assertThat(balance.read().grams()).isEqualTo(grams("10.000"));
    }

    @Test
    void reportsItsSettings() {
        balance.load(grams("12.5"), Duration.ofMillis(1500), grams("0.001"));

        assertThat(balance.settings()).isEqualTo(new SimulatedBalance.Settings(grams("12.5"), Duration.ofMillis(1500),
                grams("0.001"), BigDecimal.ZERO, false));
    }

    @Test
    void refusesImpossibleSettings() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> balance.load(grams("1"), Duration.ofMillis(-1), BigDecimal.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> balance.load(grams("1"), ONE_SECOND, grams("-0.1")));
        assertThatIllegalArgumentException().isThrownBy(() -> balance(BigDecimal.ZERO, 1));
    }

    @Test
    void readsConsistentlyWhileManyThreadsDriveIt() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int role = t % 4;
            workers.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 2_000; i++) {
                    drive(role, i);
                    assertConsistent(balance.read());
                }
                return null;
            }));
        }

        start.countDown();
        try {
            for (Future<?> worker : workers) {
                worker.get(30, TimeUnit.SECONDS);
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

    private void drive(int role, int i) {
        switch (role) {
            case 0 -> balance.load(BigDecimal.valueOf(i % 300), Duration.ofMillis(i % 5), grams("0.001"));
            case 1 -> clock.advance(Duration.ofMillis(1));
            case 2 -> balance.setOffline(i % 50 == 0);
            default -> {
                try {
                    if (i % 2 == 0) {
                        balance.zero();
                    }
                    else {
                        balance.tare();
                    }
                }
                catch (ScaleCommandRefused refused) {
                    assertThat(refused.state()).isNotEqualTo(ScaleState.OK);
                }
            }
        }
    }

    private static void assertConsistent(Reading reading) {
        if (reading.state() == ScaleState.OK || reading.state() == ScaleState.UNSTABLE) {
            assertThat(reading.grams().scale()).isEqualTo(3);
            assertThat(reading.stable()).isEqualTo(reading.state() == ScaleState.OK);
        }
        else {
            assertThat(reading.grams()).isNull();
            assertThat(reading.stable()).isFalse();
        }
    }

    private SimulatedBalance balance(BigDecimal readability, long seed) {
        return new SimulatedBalance("bench-1", clock, readability, SimulatedBalance.DEFAULT_CAPACITY_G, seed);
    }

    private static BigDecimal grams(String grams) {
        return new BigDecimal(grams);
    }

    /** A clock the test moves by hand; safe to move from several threads. */
    private static final class TestClock implements InstantSource {

        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-03-01T09:00:00Z"));

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }

    }

}
