package prepbench.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * The one reader of moments in a search: days (a range's end inclusive) and instants, in
 * any digits.
 */
class MomentsTest {

    @Test
    void aDayStartsAtMidnightUtcAndEndsARangeAtTheNextMidnight() {
        assertThat(Moments.read("2026-12-01", false)).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(Moments.read("2026-12-01", true)).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
        assertThat(Moments.read(" 2026-12-01T08:30:00Z ", true)).isEqualTo(Instant.parse("2026-12-01T08:30:00Z"));
        assertThat(Moments.read("  ", false)).isNull();
    }

    @Test
    void readsArabicIndicDigits() {
        assertThat(Moments.read("٢٠٢٦-١٢-٠١", false)).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(Digits.western("LOT-٧ ۸")).isEqualTo("LOT-7 8");
    }

    @Test
    void refusesAnythingElseSayingHowToWriteIt() {
        assertThatThrownBy(() -> Moments.read("01/12/2026", false)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage(Moments.HOW);
        assertThatThrownBy(() -> Moments.read("2026-13-01", false)).isInstanceOf(IllegalArgumentException.class);
    }

}
