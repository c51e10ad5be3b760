package prepbench.ui;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import prepbench.scales.Benches;
import prepbench.scales.Reading;
import prepbench.scales.ScaleState;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live balance readings for pages, as Server-Sent Events, shared per bench: a reading from a connected balance is
 * sent to every page watching that bench the moment it arrives; simulated balances (and connected ones gone
 * silent, which read offline) are read ten times a second by one ticker, once per bench however many tabs are
 * open. A page's EventSource reconnects by itself when the stream drops.
 */
@Component
class LiveReadings {

    private static final Logger log = LoggerFactory.getLogger(LiveReadings.class);
    private static final long TICK_MS = 100;
    private static final long STREAM_TIMEOUT_MS = 30 * 60 * 1000;

    record LiveReading(String bench, BigDecimal grams, boolean stable, String state, Instant at) {
    }

    private final Benches benches;
    private final JsonMapper json;
    private final Map<String, Set<SseEmitter>> watchers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-readings");
        thread.setDaemon(true);
        return thread;
    });
    /** Writes to the browsers, so a stalled browser never holds up a balance's reader thread or the ticker. */
    private final ExecutorService sender = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "live-readings-send");
        thread.setDaemon(true);
        return thread;
    });

    LiveReadings(Benches benches, JsonMapper json) {
        this.benches = benches;
        this.json = json;
        benches.onReading(this::arrived);
        ticker.scheduleAtFixedRate(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /** A new stream of the bench's readings, starting with the current one. */
    SseEmitter watch(String bench) {
        String payload = payload(bench, benches.reading(bench));
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MS);
        Set<SseEmitter> emitters = watchers.computeIfAbsent(bench, id -> new CopyOnWriteArraySet<>());
        emitters.add(emitter);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(failure -> emitters.remove(emitter));
        send(emitter, emitters, payload);
        return emitter;
    }

    /** How many pages watch the bench now. */
    int watching(String bench) {
        return watchers.getOrDefault(bench, Set.of()).size();
    }

    /** A connected balance's reading, pushed to its watchers the moment it arrives. */
    private void arrived(String bench, Reading reading) {
        Set<SseEmitter> emitters = watchers.get(bench);
        if (emitters == null || emitters.isEmpty()) {
            return;
        }
        String payload = payload(bench, reading);
        sender.execute(() -> emitters.forEach(emitter -> send(emitter, emitters, payload)));
    }

    /**
     * Simulated balances have no line to push, and a connected balance that falls silent must show as offline:
     * both are read on the tick. A connected balance that keeps talking is pushed by {@link #arrived} instead.
     */
    private void tick() {
        watchers.forEach((bench, emitters) -> {
            if (emitters.isEmpty() || pushedWhileTalking(bench)) {
                return;
            }
            try {
                String payload = payload(bench, benches.reading(bench));
                sender.execute(() -> emitters.forEach(emitter -> send(emitter, emitters, payload)));
            } catch (RuntimeException failed) {
                log.warn("Could not read bench {}: {}", bench, failed.toString());
            }
        });
    }

    private boolean pushedWhileTalking(String bench) {
        return !benches.isSimulated(bench) && benches.reading(bench).state() != ScaleState.OFFLINE;
    }

    private String payload(String bench, Reading reading) {
        return json.writeValueAsString(new LiveReading(bench, reading.grams(), reading.stable(),
                reading.state().code(), reading.at()));
    }

    private static void send(SseEmitter emitter, Set<SseEmitter> emitters, String payload) {
        try {
            emitter.send(SseEmitter.event().name("reading").data(payload, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException gone) {
            emitters.remove(emitter);
        }
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
        sender.shutdownNow();
        watchers.values().forEach(emitters -> emitters.forEach(LiveReadings::complete));
    }

    private static void complete(SseEmitter emitter) {
        try {
            emitter.complete();
        } catch (IllegalStateException alreadyGone) {
            // the server closed the response first while shutting down
        }
    }
}
