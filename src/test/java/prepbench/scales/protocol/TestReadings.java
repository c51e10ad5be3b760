package prepbench.scales.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import prepbench.scales.Reading;
import prepbench.scales.ScaleState;

/** Readings for the codec tests, and the reading a decoded line carries. */
final class TestReadings {

    static final Instant AT = Instant.parse("2025-03-03T09:15:00Z");

    private TestReadings() {
    }

    static Reading stable(String grams) {
        return new Reading(new BigDecimal(grams), true, AT, ScaleState.OK);
    }

    static Reading unstable(String grams) {
        return new Reading(new BigDecimal(grams), false, AT, ScaleState.UNSTABLE);
    }

    static Reading overload() {
        return new Reading(null, false, AT, ScaleState.OVERLOAD);
    }

    static Reading underload() {
        return new Reading(null, false, AT, ScaleState.UNDERLOAD);
    }

    /** What a connection reads from a line without a weight in grams. */
    static Reading error() {
        return new Reading(null, false, AT, ScaleState.ERROR);
    }

    /**
     * The reading a README-style expectation names: {@code ok 0.123},
     * {@code unstable 0.120}, {@code overload}.
     */
    static Reading expected(String state, String grams) {
        return switch (state) {
            case "ok" -> stable(grams);
            case "unstable" -> unstable(grams);
            case "overload" -> overload();
            case "underload" -> underload();
            default -> throw new IllegalArgumentException(state);
        };
    }

    /** The reading of a line that must have decoded to a weight. */
    static Reading reading(Decoded decoded) {
        assertThat(decoded).isInstanceOf(Decoded.Weight.class);
        return ((Decoded.Weight) decoded).reading();
    }

    static boolean capturable(Decoded decoded) {
        return decoded instanceof Decoded.Weight weight && weight.reading().capturable();
    }

}
