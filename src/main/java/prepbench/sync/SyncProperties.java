package prepbench.sync;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A station's link to its central, and what central tolerates ({@code prepbench.sync.*},
 * docs/sync.md).
 *
 * @param centralUrl the central PrepBench this instance is a station of (for example
 * {@code https://prepbench.example.org}); not set on central itself
 * @param token the station token central's {@code POST /api/v1/stations} gave: it
 * authenticates the station to central, and its key seals the station's trail
 * @param refreshEvery how often a station takes central's formulas, ingredients, accounts
 * and locks again
 * @param cacheMaxAge how long a station keeps preparing on its copy of those without
 * hearing from central: after that it starts no new preparation (those in progress go on)
 * until central is reachable again
 * @param retryMax the longest wait between two tries while central cannot be reached (the
 * wait doubles from a second up to this)
 * @param maxClockOffset at central: a station clock further than this from central's when
 * its events arrive is flagged on the preparation's record
 */
@ConfigurationProperties("prepbench.sync")
public record SyncProperties(URI centralUrl, String token, @DefaultValue("60s") Duration refreshEvery,
        @DefaultValue("7d") Duration cacheMaxAge, @DefaultValue("5s") Duration retryMax,
        @DefaultValue("2m") Duration maxClockOffset) {

    public SyncProperties {
        boolean url = centralUrl != null && !centralUrl.toString().isBlank();
        boolean hasToken = token != null && !token.isBlank();
        if (url != hasToken) {
            throw new IllegalArgumentException("A station needs both prepbench.sync.central-url and "
                    + "prepbench.sync.token (the token central's admin created for it with POST /api/v1/stations)");
        }
        if (url && !"https".equals(centralUrl.getScheme())
                && !("http".equals(centralUrl.getScheme()) && isLoopback(centralUrl.getHost()))) {
            throw new IllegalArgumentException("prepbench.sync.central-url must be an https:// address (plain http:// "
                    + "only to this machine, e.g. a TLS tunnel): central sends accounts and locks to the station");
        }
        if (refreshEvery.isNegative() || refreshEvery.isZero() || retryMax.compareTo(Duration.ofSeconds(1)) < 0
                || cacheMaxAge.isNegative() || maxClockOffset.isNegative()) {
            throw new IllegalArgumentException("prepbench.sync: refresh-every must be positive, retry-max at least "
                    + "1s, cache-max-age and max-clock-offset not negative");
        }
    }

    private static boolean isLoopback(String host) {
        return host != null
                && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1"));
    }

    /** Whether this instance is a station of a central. */
    public boolean isStation() {
        return centralUrl != null && !centralUrl.toString().isBlank();
    }

}
