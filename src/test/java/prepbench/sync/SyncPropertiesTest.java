package prepbench.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import prepbench.audit.StationKeys;

/** What a station needs to be one, and what a station token is. */
class SyncPropertiesTest {

    private static final String TOKEN = "pbst1.st-0123456789abcdef." + "A".repeat(43);

    private static SyncProperties of(String url, String token) {
        return new SyncProperties(url == null ? null : URI.create(url), token, Duration.ofSeconds(60),
                Duration.ofDays(7), Duration.ofSeconds(5), Duration.ofMinutes(2));
    }

    @Test
    void withoutACentralThisIsNoStation() {
        assertThat(of(null, null).isStation()).isFalse();
        assertThat(of("", "").isStation()).isFalse();
    }

    @Test
    void aStationNeedsBothItsCentralAndItsToken() {
        assertThat(of("https://central.example.org", TOKEN).isStation()).isTrue();
        assertThatThrownBy(() -> of("https://central.example.org", null)).hasMessageContaining("both");
        assertThatThrownBy(() -> of(null, TOKEN)).hasMessageContaining("both");
    }

    @Test
    void centralIsReachedOverHttpsOrOnThisMachineOnly() {
        assertThat(of("http://127.0.0.1:8080", TOKEN).isStation()).isTrue();
        assertThat(of("http://localhost:8080", TOKEN).isStation()).isTrue();
        assertThatThrownBy(() -> of("http://central.example.org", TOKEN)).hasMessageContaining("https://");
        assertThatThrownBy(() -> of("ftp://central.example.org", TOKEN)).hasMessageContaining("https://");
        assertThatThrownBy(() -> of("central.example.org", TOKEN)).hasMessageContaining("https://");
    }

    @Test
    void retryingMoreOftenThanEverySecondIsRefused() {
        assertThatThrownBy(() -> new SyncProperties(null, null, Duration.ofSeconds(60), Duration.ofDays(7),
                Duration.ofMillis(100), Duration.ofMinutes(2)))
            .hasMessageContaining("retry-max");
        assertThatThrownBy(() -> new SyncProperties(null, null, Duration.ZERO, Duration.ofDays(7),
                Duration.ofSeconds(5), Duration.ofMinutes(2)))
            .hasMessageContaining("refresh-every");
    }

    @Test
    void aStationTokenNamesItsKeyAndNothingElseIsOne() {
        assertThat(StationKeys.keyIdOf(TOKEN)).contains("st-0123456789abcdef");
        assertThat(StationKeys.keyIdOf(" " + TOKEN + "\n")).contains("st-0123456789abcdef");
        assertThat(StationKeys.keyIdOf("pbt_" + "a".repeat(40))).isEmpty();
        assertThat(StationKeys.keyIdOf(TOKEN + "A")).isEmpty();
        assertThat(StationKeys.keyIdOf(TOKEN.replace("st-0", "st-X"))).isEmpty();
        assertThat(StationKeys.keyIdOf(null)).isEmpty();
    }

    @Test
    void whatAStationSendsIsDerivedFromItsTokenAndIsNotIt() {
        String authentication = StationKeys.authenticationOf(TOKEN);
        assertThat(authentication).startsWith("pbsa1.st-0123456789abcdef.").doesNotContain("A".repeat(43));
        assertThat(StationKeys.keyIdOfAuthentication(authentication)).contains("st-0123456789abcdef");
        assertThat(StationKeys.keyIdOfAuthentication(TOKEN)).isEmpty();
        assertThat(StationKeys.authenticationOf(TOKEN)).isEqualTo(authentication);
        assertThat(StationKeys.authenticationOf(TOKEN.replace("AAAA", "AAAB"))).isNotEqualTo(authentication);
    }

}
