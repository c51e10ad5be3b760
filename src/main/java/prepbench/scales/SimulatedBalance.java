package prepbench.scales;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Random;

/**
 * An in-process balance for demos and tests, driven by calls instead of physics. The load
 * on the pan moves from where it is to a set weight over a settle time (linearly), reads
 * {@link ScaleState#UNSTABLE} while moving, and reads stable once settled. Optional noise
 * (± noiseG, uniform, from a seeded {@link Random}) jitters every reading; a noise larger
 * than the stability band (0.002 g) keeps the balance unstable forever, like a draught.
 * Readings are rounded half-up to the readability.
 * <p>
 * The gross weight is the load relative to the empty pan. A gross weight above the
 * capacity reads overload; one more than 2 % of the capacity below the empty pan reads
 * underload (the pan is lifted). Every time comes from the {@link InstantSource}; nothing
 * sleeps and no thread runs in the background.
 */
public final class SimulatedBalance implements Scale {

    public static final BigDecimal DEFAULT_CAPACITY_G = new BigDecimal("6200");

    private static final BigDecimal STABILITY_BAND_G = new BigDecimal("0.002");

    private static final BigDecimal UNDERLOAD_SHARE_OF_CAPACITY = new BigDecimal("-0.02");

    private final String benchId;

    private final InstantSource clock;

    private final BigDecimal readabilityG;

    private final BigDecimal capacityG;

    private final BigDecimal underloadBelowG;

    private final Random random;

    private BigDecimal fromGrossG = BigDecimal.ZERO;

    private BigDecimal targetGrossG = BigDecimal.ZERO;

    private Instant loadedAt;

    private Duration settle = Duration.ZERO;

    private BigDecimal noiseG = BigDecimal.ZERO;

    private BigDecimal zeroOffsetG = BigDecimal.ZERO;

    private BigDecimal tareG = BigDecimal.ZERO;

    private boolean offline;

    /**
     * An empty balance, stable at zero.
     * @param readabilityG the smallest step the balance shows, e.g. 0.001
     * @param seed the seed of the noise, so a demo or a test replays the same readings
     */
    public SimulatedBalance(String benchId, InstantSource clock, BigDecimal readabilityG, BigDecimal capacityG,
            long seed) {
        this.benchId = Objects.requireNonNull(benchId, "benchId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.readabilityG = requirePositive(readabilityG, "readability");
        this.capacityG = requirePositive(capacityG, "capacity");
        this.underloadBelowG = capacityG.multiply(UNDERLOAD_SHARE_OF_CAPACITY);
        this.random = new Random(seed);
        this.loadedAt = clock.instant();
    }

    @Override
    public String benchId() {
        return benchId;
    }

    @Override
    public synchronized Reading read() {
        Instant now = clock.instant();
        if (offline) {
            return Reading.offline(now);
        }
        BigDecimal gross = grossAt(now).add(jitter());
        if (gross.compareTo(capacityG) > 0) {
            return new Reading(null, false, now, ScaleState.OVERLOAD);
        }
        if (gross.compareTo(underloadBelowG) < 0) {
            return new Reading(null, false, now, ScaleState.UNDERLOAD);
        }
        boolean stable = settled(now) && noiseG.compareTo(STABILITY_BAND_G) <= 0;
        BigDecimal net = gross.subtract(zeroOffsetG).subtract(tareG);
        return new Reading(roundToReadability(net), stable, now, stable ? ScaleState.OK : ScaleState.UNSTABLE);
    }

    @Override
    public synchronized void zero() {
        ScaleState state = read().state();
        if (state != ScaleState.OK) {
            throw ScaleCommandRefused.toZero(state);
        }
        zeroOffsetG = targetGrossG;
        tareG = BigDecimal.ZERO;
    }

    @Override
    public synchronized void tare() {
        ScaleState state = read().state();
        if (state != ScaleState.OK) {
            throw ScaleCommandRefused.toTare(state);
        }
        tareG = targetGrossG.subtract(zeroOffsetG);
    }

    /**
     * Puts a load on the pan: the gross weight goes from where it is now to {@code grams}
     * over {@code settle} ({@link Duration#ZERO} = at once).
     * @param noiseG the jitter of every following reading, ± this many grams; 0 for none
     */
    public synchronized void load(BigDecimal grams, Duration settle, BigDecimal noiseG) {
        Objects.requireNonNull(grams, "grams");
        if (settle == null || settle.isNegative()) {
            throw new IllegalArgumentException("The settle time must be zero or more, not " + settle);
        }
        if (noiseG == null || noiseG.signum() < 0) {
            throw new IllegalArgumentException("The noise must be zero or more grams, not " + noiseG);
        }
        Instant now = clock.instant();
        fromGrossG = grossAt(now);
        targetGrossG = grams;
        loadedAt = now;
        this.settle = settle;
        this.noiseG = noiseG;
    }

    /**
     * Unplugs the balance ({@code true}) or plugs it back in; the load and the zero
     * survive.
     */
    public synchronized void setOffline(boolean offline) {
        this.offline = offline;
    }

    /** What the simulator is set to now, for the diagnostics and the demo panel. */
    public synchronized Settings settings() {
        return new Settings(targetGrossG, settle, noiseG, tareG, offline);
    }

    /**
     * The settings of a simulated balance.
     *
     * @param targetGrossG the gross weight the load moves to, relative to the empty pan
     * @param settle how long the last load takes to settle
     * @param noiseG the jitter of every reading, ± this many grams
     * @param tareG the container weight subtracted from every reading
     * @param offline whether the balance is unplugged
     */
    public record Settings(BigDecimal targetGrossG, Duration settle, BigDecimal noiseG, BigDecimal tareG,
            boolean offline) {
    }

    private boolean settled(Instant now) {
        return !now.isBefore(loadedAt.plus(settle));
    }

    private BigDecimal grossAt(Instant now) {
        if (settled(now)) {
            return targetGrossG;
        }
        if (!now.isAfter(loadedAt)) {
            return fromGrossG;
        }
        BigDecimal elapsedShare = BigDecimal.valueOf(Duration.between(loadedAt, now).toNanos())
            .divide(BigDecimal.valueOf(settle.toNanos()), MathContext.DECIMAL64);
        return fromGrossG.add(targetGrossG.subtract(fromGrossG).multiply(elapsedShare));
    }

    private BigDecimal jitter() {
        return noiseG.multiply(BigDecimal.valueOf(2 * random.nextDouble() - 1));
    }

    private BigDecimal roundToReadability(BigDecimal grams) {
        return grams.divide(readabilityG, 0, RoundingMode.HALF_UP).multiply(readabilityG);
    }

    private static BigDecimal requirePositive(BigDecimal grams, String name) {
        if (grams == null || grams.signum() <= 0) {
            throw new IllegalArgumentException("The " + name + " must be more than 0 g, not " + grams);
        }
        return grams;
    }

}
