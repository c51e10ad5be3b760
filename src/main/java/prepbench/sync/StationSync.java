package prepbench.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What a station tells about its link to central (issue 18): what waits to be sent and
 * since when, when it last sent and last took central's data, whether central answers.
 * Nothing at central itself.
 */
@Service
public class StationSync {

    private final SyncProperties properties;

    private final Outbox outbox;

    private final Relay relay;

    private final Clock clock;

    private final JdbcClient jdbc;

    StationSync(SyncProperties properties, Outbox outbox, Relay relay, Clock clock, JdbcClient jdbc) {
        this.properties = properties;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** What a station's sign-in page tells the person at it about the station. */
    public enum SignInNote {

        /**
         * Central has never answered: the station has no account yet, nobody can sign in.
         */
        NEVER_REACHED,
        /** Central allows no account at this station. */
        NO_ACCOUNTS,
        /** Central does not answer now: signing in and preparing go on, on the copy. */
        CENTRAL_AWAY

    }

    /**
     * What the sign-in page of a station says about it; empty at central, and at a
     * station whose central answers.
     */
    public Optional<SignInNote> signInNote() {
        if (!properties.isStation()) {
            return Optional.empty();
        }
        if (outbox.lastRefreshAt() == null) {
            return Optional.of(SignInNote.NEVER_REACHED);
        }
        if (jdbc.sql("SELECT COUNT(*) FROM users WHERE enabled = TRUE").query(Long.class).single() == 0) {
            return Optional.of(SignInNote.NO_ACCOUNTS);
        }
        return relay.centralReachable() ? Optional.empty() : Optional.of(SignInNote.CENTRAL_AWAY);
    }

    /** The central this station syncs with; null at central. */
    public String centralUrl() {
        return properties.isStation() ? properties.centralUrl().toString() : null;
    }

    /**
     * A station's link to central.
     *
     * @param waiting events of preparations not yet sent (or not yet answered)
     * @param oldestWaitingSince when the oldest of them was recorded; null when none
     * waits
     * @param lastSentAt when central last took events from this station
     * @param lastRefreshAt when the station last took central's formulas, ingredients,
     * accounts and locks
     * @param copyTooOld whether that copy is older than {@code cache-max-age}: no new
     * preparation starts until central is reachable again
     * @param lastProblem what went wrong the last time, if it did
     */
    public record Status(String centralUrl, long waiting, Instant oldestWaitingSince, Instant lastSentAt,
            boolean centralReachable, Instant lastRefreshAt, boolean copyTooOld, String lastProblem) {
    }

    /** Whether this instance is a station of a central. */
    public boolean isStation() {
        return properties.isStation();
    }

    /** The station's link to central; empty at central. */
    public Optional<Status> status() {
        if (!properties.isStation()) {
            return Optional.empty();
        }
        Outbox.Counts counts = outbox.counts();
        return Optional.of(new Status(properties.centralUrl().toString(), counts.waiting(), counts.oldestWaitingSince(),
                counts.lastSentAt(), relay.centralReachable(), counts.lastRefreshAt(), tooOld(counts.lastRefreshAt()),
                counts.lastProblem()));
    }

    /** How many of the preparation's events wait to be sent; 0 at central. */
    public long waitingOf(UUID sessionId) {
        return properties.isStation() ? outbox.waitingOf(sessionId) : 0;
    }

    /** Whether a station clock this far from central's is flagged on the record. */
    public boolean flagged(Long clockOffsetMs) {
        return clockOffsetMs != null && Math.abs(clockOffsetMs) > properties.maxClockOffset().toMillis();
    }

    /** When the station last took central's data; null when never. */
    Instant lastRefreshAt() {
        return outbox.lastRefreshAt();
    }

    /** Whether a copy taken then is older than {@code cache-max-age} now. */
    boolean tooOld(Instant lastRefresh) {
        return lastRefresh == null || lastRefresh.plus(properties.cacheMaxAge()).isBefore(clock.instant());
    }

}
