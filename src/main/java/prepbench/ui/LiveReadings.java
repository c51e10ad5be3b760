package prepbench.ui;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import prepbench.entry.Text;
import prepbench.entry.WordedRefusal;
import prepbench.scales.BenchManagement;
import prepbench.scales.Reading;
import prepbench.scales.ScaleState;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live balance readings for pages, as Server-Sent Events, shared per bench: a reading
 * from a connected balance is sent to every page watching that bench the moment it
 * arrives; simulated balances (and connected ones gone silent, which read offline) are
 * read ten times a second by one ticker, once per bench however many tabs are open. A
 * page's EventSource reconnects by itself when the stream drops.
 *
 * <p>
 * Each stream keeps only the newest reading waiting for it, never a backlog, and is
 * written by its own sending task: a browser that stops reading holds up nobody else, and
 * a stream whose write has not finished for {@link #STALLED_AFTER} is dropped. At most
 * {@code prepbench.live.max-streams-per-user} (8) streams per person and
 * {@code prepbench.live.max-streams} (500) in all.
 */
@Component
class LiveReadings {

    private static final Logger log = LoggerFactory.getLogger(LiveReadings.class);

    private static final long TICK_MS = 100;

    private static final long STREAM_TIMEOUT_MS = 30 * 60 * 1000;

    /**
     * A stream whose write takes longer than this is a browser that stopped reading: it
     * is dropped.
     */
    static final Duration STALLED_AFTER = Duration.ofSeconds(2);

    record LiveReading(String bench, BigDecimal grams, boolean stable, String state, Instant at) {
    }

    /** A page asked for more live streams than it may have. */
    static final class TooManyStreams extends WordedRefusal {

        TooManyStreams(Text text) {
            super(text);
        }

    }

    private final BenchManagement benches;

    private final JsonMapper json;

    private final int maxStreams;

    private final int maxStreamsPerUser;

    private final Map<String, Set<Stream>> watchers = new ConcurrentHashMap<>();

    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-readings");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Writes to the browsers, one task per stream at a time: a stalled browser holds one
     * of these threads (until its connection times out), never a balance's reader thread,
     * the ticker or another browser's stream.
     */
    private final ExecutorService sender = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "live-readings-send");
        thread.setDaemon(true);
        return thread;
    });

    LiveReadings(BenchManagement benches, JsonMapper json, @Value("${prepbench.live.max-streams:500}") int maxStreams,
            @Value("${prepbench.live.max-streams-per-user:8}") int maxStreamsPerUser) {
        this.benches = benches;
        this.json = json;
        this.maxStreams = maxStreams;
        this.maxStreamsPerUser = maxStreamsPerUser;
        benches.onReading(this::arrived);
        ticker.scheduleAtFixedRate(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * One page's stream: the newest reading not yet written to it, and whether a write is
     * under way.
     */
    private final class Stream {

        private final SseEmitter emitter;

        private final String bench;

        private final String user;

        private final AtomicReference<String> newest = new AtomicReference<>();

        private final AtomicBoolean sending = new AtomicBoolean();

        private volatile long sendingSince;

        Stream(SseEmitter emitter, String bench, String user) {
            this.emitter = emitter;
            this.bench = bench;
            this.user = user;
        }

        /**
         * Replaces whatever reading was still waiting, and starts a write unless one is
         * under way.
         */
        void offer(String payload) {
            newest.set(payload);
            if (sending.compareAndSet(false, true)) {
                sendingSince = System.nanoTime();
                sender.execute(this::drain);
            }
        }

        private void drain() {
            try {
                for (String payload = newest.getAndSet(null); payload != null; payload = newest.getAndSet(null)) {
                    emitter.send(event(payload));
                }
            }
            catch (IOException | IllegalStateException gone) {
                drop(this);
                return;
            }
            finally {
                sendingSince = 0;
                sending.set(false);
            }
            if (newest.get() != null && sending.compareAndSet(false, true)) {
                sendingSince = System.nanoTime();
                sender.execute(this::drain);
            }
        }

        boolean stalled(long now) {
            long since = sendingSince;
            return since != 0 && now - since > STALLED_AFTER.toNanos();
        }

    }

    /**
     * A new stream of the bench's readings for a person, starting with the current one.
     */
    SseEmitter watch(String bench, String user) {
        return watch(bench, user, new SseEmitter(STREAM_TIMEOUT_MS));
    }

    /**
     * Adds the emitter as a stream of the bench's readings.
     * @throws TooManyStreams when the person, or the station, has as many streams open as
     * allowed
     */
    synchronized SseEmitter watch(String bench, String user, SseEmitter emitter) {
        long open = watchers.values().stream().mapToLong(Set::size).sum();
        if (open >= maxStreams) {
            throw new TooManyStreams(Text.of("bench.streams.station", maxStreams));
        }
        long mine = watchers.values().stream().flatMap(Set::stream).filter(stream -> stream.user.equals(user)).count();
        if (mine >= maxStreamsPerUser) {
            throw new TooManyStreams(Text.of("bench.streams.person", maxStreamsPerUser));
        }
        try {
            // the current reading first, at once: the response has not started yet, so
            // this is only buffered
            emitter.send(event(payload(bench, benches.reading(bench))));
        }
        catch (IOException | IllegalStateException gone) {
            return emitter;
        }
        Stream stream = new Stream(emitter, bench, user);
        Set<Stream> streams = watchers.computeIfAbsent(bench, id -> new CopyOnWriteArraySet<>());
        streams.add(stream);
        emitter.onCompletion(() -> streams.remove(stream));
        emitter.onTimeout(() -> streams.remove(stream));
        emitter.onError(failure -> streams.remove(stream));
        return emitter;
    }

    /** How many pages watch the bench now. */
    int watching(String bench) {
        return watchers.getOrDefault(bench, Set.of()).size();
    }

    /** A connected balance's reading, offered to its watchers the moment it arrives. */
    private void arrived(String bench, Reading reading) {
        Set<Stream> streams = watchers.get(bench);
        if (streams == null || streams.isEmpty()) {
            return;
        }
        String payload = payload(bench, reading);
        streams.forEach(stream -> stream.offer(payload));
    }

    /**
     * Drops stalled streams; reads simulated balances, which have no line to push, and
     * connected ones that fell silent, which must show as offline. A connected balance
     * that keeps talking is pushed by {@link #arrived}.
     */
    private void tick() {
        long now = System.nanoTime();
        watchers.forEach((bench, streams) -> {
            streams.stream().filter(stream -> stream.stalled(now)).forEach(this::drop);
            if (streams.isEmpty() || pushedWhileTalking(bench)) {
                return;
            }
            try {
                String payload = payload(bench, benches.reading(bench));
                streams.forEach(stream -> stream.offer(payload));
            }
            catch (RuntimeException failed) {
                log.warn("Could not read bench {}: {}", bench, failed.toString());
            }
        });
    }

    private void drop(Stream stream) {
        Set<Stream> streams = watchers.get(stream.bench);
        if (streams != null && streams.remove(stream)) {
            log.debug("Dropped a live stream of bench {} for {}: the browser stopped reading", stream.bench,
                    stream.user);
            sender.execute(() -> complete(stream.emitter));
        }
    }

    private static SseEmitter.SseEventBuilder event(String payload) {
        return SseEmitter.event().name("reading").data(payload, MediaType.APPLICATION_JSON);
    }

    private boolean pushedWhileTalking(String bench) {
        return !benches.isSimulated(bench) && benches.reading(bench).state() != ScaleState.OFFLINE;
    }

    private String payload(String bench, Reading reading) {
        return json.writeValueAsString(
                new LiveReading(bench, reading.grams(), reading.stable(), reading.state().code(), reading.at()));
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
        sender.shutdownNow();
        watchers.values().forEach(streams -> streams.forEach(stream -> complete(stream.emitter)));
    }

    private static void complete(SseEmitter emitter) {
        try {
            emitter.complete();
        }
        catch (IllegalStateException alreadyGone) {
            // the server closed the response first while shutting down
        }
    }

}
