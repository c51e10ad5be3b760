package prepbench.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import prepbench.audit.StationTrail;
import prepbench.preparation.PreparationManagement;
import prepbench.preparation.SessionId;

/**
 * A station's relay (docs/sync.md): one thread that takes central's reference data every
 * {@code refresh-every}, and sends what waits in the outbox, each preparation's events in
 * order, marking them sent as far as central answers it has them. While central cannot be
 * reached it tries again after a second, then twice as long each time, up to
 * {@code retry-max}. A station that dies between sending and marking sends again, and
 * central recognises what it has.
 */
@Component
class Relay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Relay.class);

    /** Preparations per request, and events per preparation per request. */
    private static final int PREPARATIONS = 50;

    private static final int EVENTS_PER_PREPARATION = 500;

    /** How long the relay rests when nothing waits. */
    private static final Duration IDLE = Duration.ofMillis(250);

    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    private final Outbox outbox;

    private final StationTrail trail;

    private final CentralClient central;

    private final ReferenceData reference;

    private final PreparationManagement preparations;

    private final SyncProperties properties;

    private final Clock clock;

    private volatile boolean reachable;

    private volatile boolean running;

    private Thread thread;

    Relay(Outbox outbox, StationTrail trail, CentralClient central, ReferenceData reference,
            PreparationManagement preparations, SyncProperties properties, Clock clock) {
        this.outbox = outbox;
        this.trail = trail;
        this.central = central;
        this.reference = reference;
        this.preparations = preparations;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether central answered the last call. */
    boolean centralReachable() {
        return reachable;
    }

    @Override
    public void start() {
        if (!properties.isStation()) {
            return;
        }
        running = true;
        thread = new Thread(this::relay, "prepbench-sync-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread relay = thread;
        if (relay != null) {
            relay.interrupt();
            try {
                relay.join(5_000);
            }
            catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void relay() {
        Duration wait = FIRST_RETRY;
        Instant nextRefresh = Instant.MIN;
        while (running) {
            try {
                boolean refreshed = false;
                if (!clock.instant().isBefore(nextRefresh)) {
                    Instant due = nextRefresh;
                    nextRefresh = clock.instant().plus(properties.refreshEvery());
                    try {
                        refresh();
                        refreshed = true;
                    }
                    catch (CentralClient.Unreachable away) {
                        // taken again at the next try, not a whole refresh-every later
                        nextRefresh = due;
                        throw away;
                    }
                }
                Round round = relayOnce();
                // reachable as of the last call central answered: a round with nothing to
                // send asked central nothing
                if (refreshed || round != Round.NOTHING_WAITING) {
                    reachable = true;
                }
                switch (round) {
                    case PROGRESSED -> wait = FIRST_RETRY;
                    case NOTHING_WAITING -> {
                        wait = FIRST_RETRY;
                        Thread.sleep(IDLE.toMillis());
                    }
                    // central keeps refusing what waits: its problem is noted; ask less
                    // often
                    case STUCK -> wait = rest(wait);
                }
            }
            catch (CentralClient.Unreachable unreachable) {
                reachable = false;
                note(unreachable.getMessage());
                wait = rest(wait);
            }
            catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            }
            catch (RuntimeException failed) {
                log.error("The sync relay failed; it tries again", failed);
                note("the relay failed: " + failed.getMessage());
                wait = rest(wait);
            }
        }
    }

    /**
     * Takes central's data. Data the station cannot write (central upgraded before it,
     * say) is noted and does not stop the sending: what the station recorded still goes.
     */
    private void refresh() throws CentralClient.Unreachable {
        Wire.Reference data = central.reference();
        try {
            reference.apply(data);
        }
        catch (RuntimeException cannotWrite) {
            log.error("The station could not take central's data; it goes on sending and tries again", cannotWrite);
            note("central's data could not be taken: " + cannotWrite.getMessage());
        }
    }

    /** Waits, and answers the next wait: twice this one, at most retry-max. */
    private Duration rest(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        }
        catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            running = false;
        }
        Duration next = wait.multipliedBy(2);
        return next.compareTo(properties.retryMax()) > 0 ? properties.retryMax() : next;
    }

    private void note(String problem) {
        try {
            outbox.problem(problem);
        }
        catch (RuntimeException databaseDown) {
            log.warn("The sync relay could not note its problem: {}", problem);
        }
    }

    /** What one round of sending came to. */
    enum Round {

        NOTHING_WAITING, PROGRESSED, STUCK

    }

    /** Sends what waits, once. */
    Round relayOnce() throws CentralClient.Unreachable {
        List<Outbox.Waiting> waiting = outbox.waiting(PREPARATIONS);
        if (waiting.isEmpty()) {
            return Round.NOTHING_WAITING;
        }
        List<Wire.Event> events = new ArrayList<>();
        for (Outbox.Waiting chain : waiting) {
            trail
                .slice(chain.chain(), chain.fromSeq(),
                        Math.min(chain.toSeq(), chain.fromSeq() + EVENTS_PER_PREPARATION - 1))
                .forEach(event -> events.add(Wire.Event.of(event)));
        }
        Wire.Answer answer = central.send(new Wire.Batch(clock.instant(), events));
        boolean progressed = false;
        for (Wire.ChainAnswer chain : answer.chains()) {
            progressed |= settle(chain);
        }
        return progressed ? Round.PROGRESSED : Round.STUCK;
    }

    private boolean settle(Wire.ChainAnswer answer) {
        boolean progressed = false;
        if (answer.acceptedThrough() > 0) {
            outbox.sent(answer.chain(), answer.acceptedThrough(), clock.instant());
            progressed = true;
        }
        if (answer.sessionId() != null) {
            SessionId id = new SessionId(answer.sessionId());
            if (answer.centralAttemptNo() != null) {
                preparations.recordCentralAttempt(id, answer.centralAttemptNo());
            }
            if (answer.rejected() != null && preparations.rejectByCentral(id, answer.rejected())) {
                log.warn("Central refused preparation {}: {}", answer.sessionId(), answer.rejected());
                progressed = true;
            }
        }
        if (answer.resendFrom() != null) {
            outbox.sendAgain(answer.chain(), answer.resendFrom());
            progressed = true;
        }
        if (answer.problem() != null) {
            note("central refused " + answer.chain() + ": " + answer.problem());
        }
        return progressed;
    }

}
