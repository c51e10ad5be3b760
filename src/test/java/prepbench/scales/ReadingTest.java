package prepbench.scales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReadingTest {

    private static final Instant AT = Instant.parse("2025-03-01T09:00:00Z");

    @Test
    void anOfflineReadingHasNoWeightAndIsNotStable() {
        Reading reading = Reading.offline(AT);

        assertThat(reading.grams()).isNull();
        assertThat(reading.stable()).isFalse();
        assertThat(reading.at()).isEqualTo(AT);
        assertThat(reading.state()).isEqualTo(ScaleState.OFFLINE);
        assertThat(reading.capturable()).isFalse();
    }

    @Test
    void onlyAStableOkReadingIsCapturable() {
        assertThat(reading("12.345", true, ScaleState.OK).capturable()).isTrue();
        assertThat(reading("12.345", false, ScaleState.OK).capturable()).isFalse();
        assertThat(reading("12.345", false, ScaleState.UNSTABLE).capturable()).isFalse();
        assertThat(reading("12.345", true, ScaleState.UNSTABLE).capturable()).isFalse();
        assertThat(new Reading(null, true, AT, ScaleState.OVERLOAD).capturable()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = ScaleState.class, names = { "OK", "UNSTABLE" })
    void aReadingThatShowsAWeightNeedsOne(ScaleState state) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Reading(null, false, AT, state))
            .withMessage("A reading in state " + state.code() + " needs a weight");
    }

    @ParameterizedTest
    @EnumSource(value = ScaleState.class, names = { "OVERLOAD", "UNDERLOAD", "OFFLINE" })
    void aReadingThatShowsNoWeightHasNone(ScaleState state) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Reading(BigDecimal.ONE, false, AT, state))
            .withMessage("A reading in state " + state.code() + " has no weight");
    }

    @Test
    void aReadingNeedsATimeAndAState() {
        assertThatNullPointerException().isThrownBy(() -> new Reading(BigDecimal.ONE, true, null, ScaleState.OK));
        assertThatNullPointerException().isThrownBy(() -> new Reading(BigDecimal.ONE, true, AT, null));
    }

    @Test
    void statesHaveLowerCaseCodes() {
        assertThat(ScaleState.values()).extracting(ScaleState::code)
            .containsExactly("ok", "unstable", "overload", "underload", "offline", "error");
    }

    private static Reading reading(String grams, boolean stable, ScaleState state) {
        return new Reading(new BigDecimal(grams), stable, AT, state);
    }

}
