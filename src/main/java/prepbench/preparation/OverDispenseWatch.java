package prepbench.preparation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import prepbench.scales.BenchManagement;
import prepbench.scales.Reading;

/**
 * With {@code prepbench.weighing.over-dispense=fail-after}, watches every bench that
 * holds a preparation and fails the active step as an over-dispense once its balance has
 * read a stable weight above the step's upper limit for
 * {@code prepbench.weighing.over-dispense-after}, so that an over-pour cannot be quietly
 * taken back. Does nothing in the default {@code confirm} mode.
 */
@Component
class OverDispenseWatch {

    private static final Logger log = LoggerFactory.getLogger(OverDispenseWatch.class);

    /**
     * How often it looks: a step fails between {@code over-dispense-after} and that plus
     * one tick.
     */
    private static final Duration TICK = Duration.ofMillis(500);

    private final PreparationProperties.Weighing weighing;

    private final PreparationSessions sessions;

    private final PreparationManagement preparations;

    private final BenchManagement benches;

    private final Clock clock;

    private final Map<SessionId, Over> overSince = new ConcurrentHashMap<>();

    private ScheduledExecutorService ticker;

    OverDispenseWatch(PreparationProperties properties, PreparationSessions sessions,
            PreparationManagement preparations, BenchManagement benches, Clock clock) {
        this.weighing = properties.weighing();
        this.sessions = sessions;
        this.preparations = preparations;
        this.benches = benches;
        this.clock = clock;
    }

    @PostConstruct
    void start() {
        if (weighing.overDispense() != PreparationProperties.OverDispense.FAIL_AFTER) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "over-dispense-watch");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(this::tickSafely, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    private void tickSafely() {
        try {
            tick();
        }
        catch (RuntimeException failed) {
            // a database that does not answer now is met again at the next tick; the
            // watch never stops
            log.warn("Over-dispense watch: {}", failed.toString());
        }
    }

    /** One look at every bench holding a preparation. */
    void tick() {
        Instant now = clock.instant();
        Map<SessionId, String> atBenches = sessions.inProgressAtBenches();
        overSince.keySet().retainAll(atBenches.keySet());
        atBenches.forEach((id, bench) -> {
            // in a cluster, the instance that holds the balance watches it; the others
            // would only repeat it
            Reading reading = benches.isLocal(bench) ? benches.reading(bench) : null;
            if (reading == null || !reading.capturable()) {
                overSince.remove(id);
                return;
            }
            PreparationSession session = preparations.find(id).orElse(null);
            if (session == null || !session.readsOverLimit(reading)) {
                overSince.remove(id);
                return;
            }
            Step step = session.activeStep().orElseThrow();
            Over since = overSince.merge(id, new Over(step.sequence(), now),
                    (seen, fresh) -> seen.sequence() == fresh.sequence() ? seen : fresh);
            Duration held = Duration.between(since.at(), now);
            if (held.compareTo(weighing.overDispenseAfter()) >= 0) {
                overSince.remove(id);
                preparations.failOverDispense(id, step.sequence(), held);
            }
        });
    }

    /**
     * Since when the active step of a preparation has been read stable above its limit.
     */
    private record Over(int sequence, Instant at) {
    }

}
