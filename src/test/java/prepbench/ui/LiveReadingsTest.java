package prepbench.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live streams cannot be frozen: a browser that stops reading holds up nobody else and is
 * dropped; only the newest reading waits for a stream, never a backlog; there are at most
 * so many streams per person and in all.
 */
@SpringBootTest(properties = { "prepbench.live.max-streams=6", "prepbench.live.max-streams-per-user=3" })
class LiveReadingsTest {

    private static final Pattern AT = Pattern.compile("\"at\":\"([^\"]+)\"");

    @Autowired
    LiveReadings live;

    /** A browser that reads everything at once and notes when each reading arrived. */
    static final class Reader extends SseEmitter {

        final List<String> payloads = new CopyOnWriteArrayList<>();

        @Override
        public void send(SseEventBuilder event) {
            event.build().forEach(part -> {
                if (part.getData() instanceof String text && text.startsWith("{")) {
                    payloads.add(text);
                }
            });
        }

    }

    /**
     * A browser that stopped reading: the first reading is buffered before the response
     * starts, as for every stream; the next write never returns until released.
     */
    static final class Stalled extends SseEmitter {

        final CountDownLatch release = new CountDownLatch(1);

        final List<String> written = new CopyOnWriteArrayList<>();

        private boolean started;

        @Override
        public void send(SseEventBuilder event) throws IOException {
            if (!started) {
                started = true;
                return;
            }
            try {
                release.await(30, TimeUnit.SECONDS);
            }
            catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            event.build()
                .stream()
                .map(part -> String.valueOf(part.getData()))
                .filter(text -> text.startsWith("{"))
                .forEach(written::add);
        }

    }

    private static Instant at(String payload) {
        Matcher at = AT.matcher(payload);
        assertThat(at.find()).isTrue();
        return Instant.parse(at.group(1));
    }

    @Test
    void stalledBrowsersHoldUpNobodyAreDroppedAndGetNoBacklog() throws Exception {
        Stalled first = new Stalled();
        Stalled second = new Stalled();
        live.watch("bench-1", "stalled-1", first);
        live.watch("bench-1", "stalled-2", second);
        Reader reader = new Reader();
        live.watch("bench-1", "reader", reader);

        Thread.sleep(3_000);

        int received = reader.payloads.size();
        assertThat(received).as("ten readings a second reach the reader while two others stall").isGreaterThan(20);
        assertThat(Duration.between(at(reader.payloads.get(received - 1)), Instant.now()))
            .as("and the newest is live, not replayed")
            .isLessThan(Duration.ofMillis(500));
        assertThat(live.watching("bench-1")).as("the stalled streams are dropped").isEqualTo(1);

        first.release.countDown();
        second.release.countDown();
        Thread.sleep(300);
        assertThat(first.written.size())
            .as("a stalled stream gets the reading it had in hand and at most the newest "
                    + "one after it, never the thirty it missed")
            .isBetween(1, 2);
    }

    @Test
    void streamsAreLimitedPerPersonAndInAll() {
        for (int i = 0; i < 3; i++) {
            live.watch("bench-2", "many-tabs", new Reader());
        }
        assertThatThrownBy(() -> live.watch("bench-2", "many-tabs", new Reader()))
            .isInstanceOf(LiveReadings.TooManyStreams.class)
            .hasMessageContaining("on 3 pages already");
        for (int person = 0; live.watching("bench-1") + live.watching("bench-2") < 6; person++) {
            live.watch("bench-2", "person-" + person, new Reader());
        }
        assertThatThrownBy(() -> live.watch("bench-2", "a-fifth", new Reader()))
            .isInstanceOf(LiveReadings.TooManyStreams.class)
            .hasMessageContaining("6 pages already");
    }

}
