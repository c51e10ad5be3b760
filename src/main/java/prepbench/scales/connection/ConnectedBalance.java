package prepbench.scales.connection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import prepbench.scales.Reading;
import prepbench.scales.Scale;
import prepbench.scales.ScaleCommandRefused;
import prepbench.scales.ScaleState;
import prepbench.scales.protocol.BalanceCodec;
import prepbench.scales.protocol.Decoded;
import prepbench.scales.protocol.LineFramer;

/**
 * A real balance behind a transport, spoken to with a protocol codec. One reader thread
 * per balance connects, polls or listens to the continuous stream, decodes every line,
 * and reconnects with backoff when the link fails or the balance falls silent. A reading
 * older than {@code staleAfter} reads as offline, so nothing can be captured from a
 * balance that stopped answering.
 */
public final class ConnectedBalance implements Scale, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConnectedBalance.class);

    private static final int RAW_LINES_KEPT = 20;

    /**
     * How long a read waits before the loop looks at the clock again; transports use it
     * as their read timeout.
     */
    public static final Duration READ_TICK = Duration.ofMillis(50);

    private static final Duration BACKOFF_FIRST = Duration.ofMillis(250);

    private static final Duration BACKOFF_MAX = Duration.ofSeconds(10);

    private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(1500);

    /** Whether the balance is asked for each reading or streams them by itself. */
    public enum Mode {

        POLL, CONTINUOUS

    }

    /** Where the connection stands. */
    public enum LinkState {

        CONNECTING, CONNECTED, DISCONNECTED, STOPPED

    }

    /** A raw line as received, with control characters made visible, and when it came. */
    public record RawLine(Instant at, String text) {
    }

    /**
     * What the diagnostics page shows of a connection.
     *
     * @param model the model the balance reported on this connection; null when its
     * protocol does not say or it has not said yet
     * @param serialNumber likewise
     */
    public record Diagnostics(String protocol, String transport, String mode, LinkState state, int reconnects,
            String lastError, Reading lastReading, List<RawLine> rawLines, long overlongLines, String model,
            String serialNumber) {
    }

    private final String benchId;

    private final Transport transport;

    private final BalanceCodec codec;

    private final Mode mode;

    private final Duration pollInterval;

    private final Duration staleAfter;

    private final Duration silenceLimit;

    private final Clock clock;

    private final Consumer<Reading> listener;

    private final ArrayDeque<RawLine> rawLines = new ArrayDeque<>();

    private final Object writeLock = new Object();

    private final Thread reader;

    private volatile boolean running = true;

    private volatile LinkState state = LinkState.CONNECTING;

    private volatile Reading latest;

    private volatile OutputStream out;

    private volatile CompletableFuture<Decoded> pendingCommand;

    private volatile String lastError;

    private volatile int reconnects;

    private volatile long overlongLines;

    private volatile String model;

    private volatile String serialNumber;

    public ConnectedBalance(String benchId, Transport transport, BalanceCodec codec, Mode mode, Duration pollInterval,
            Duration staleAfter, Clock clock, Consumer<Reading> listener) {
        this.benchId = benchId;
        this.transport = transport;
        this.codec = codec;
        this.mode = mode;
        this.pollInterval = pollInterval;
        this.staleAfter = staleAfter;
        this.silenceLimit = staleAfter.plus(staleAfter);
        this.clock = clock;
        this.listener = listener;
        this.reader = new Thread(this::run, "balance-" + benchId);
        this.reader.setDaemon(true);
    }

    /**
     * Starts the reader thread; it connects and keeps reconnecting until
     * {@link #close()}.
     */
    public void start() {
        reader.start();
    }

    @Override
    public String benchId() {
        return benchId;
    }

    @Override
    public Reading read() {
        Reading reading = latest;
        Instant now = clock.instant();
        if (reading == null || state != LinkState.CONNECTED || reading.at().plus(staleAfter).isBefore(now)) {
            return Reading.offline(now);
        }
        return reading;
    }

    @Override
    public void zero() {
        command(codec.zeroCommand(), "zero");
    }

    @Override
    public void tare() {
        command(codec.tareCommand(), "tare");
    }

    /**
     * Sends a command and waits briefly for the balance's answer; one command at a time
     * per balance. A refusal, an error answer, or no answer from a protocol that always
     * answers is refused here too; a balance whose protocol never answers commands (SBI,
     * Ohaus) is taken at its word, and the readings that follow show the result.
     */
    private synchronized void command(byte[] bytes, String what) {
        Reading now = read();
        if (now.state() == ScaleState.OFFLINE) {
            throw what.equals("zero") ? ScaleCommandRefused.toZero(ScaleState.OFFLINE)
                    : ScaleCommandRefused.toTare(ScaleState.OFFLINE);
        }
        CompletableFuture<Decoded> answer = new CompletableFuture<>();
        pendingCommand = answer;
        try {
            write(bytes);
            Decoded decoded = answer.get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (decoded instanceof Decoded.Acknowledged acknowledged && !acknowledged.done()) {
                throw what.equals("zero") ? ScaleCommandRefused.toZero(ScaleState.UNSTABLE)
                        : ScaleCommandRefused.toTare(ScaleState.UNSTABLE);
            }
            if (decoded instanceof Decoded.Failure) {
                throw what.equals("zero") ? ScaleCommandRefused.toZero(ScaleState.ERROR)
                        : ScaleCommandRefused.toTare(ScaleState.ERROR);
            }
        }
        catch (TimeoutException noAnswer) {
            if (codec.acknowledgesCommands()) {
                throw what.equals("zero") ? ScaleCommandRefused.toZero(ScaleState.ERROR)
                        : ScaleCommandRefused.toTare(ScaleState.ERROR);
            }
        }
        catch (IOException | ExecutionException failed) {
            throw what.equals("zero") ? ScaleCommandRefused.toZero(ScaleState.OFFLINE)
                    : ScaleCommandRefused.toTare(ScaleState.OFFLINE);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw what.equals("zero") ? ScaleCommandRefused.toZero(ScaleState.OFFLINE)
                    : ScaleCommandRefused.toTare(ScaleState.OFFLINE);
        }
        finally {
            pendingCommand = null;
        }
    }

    private void write(byte[] bytes) throws IOException {
        OutputStream target = out;
        if (target == null) {
            throw new IOException("not connected");
        }
        synchronized (writeLock) {
            target.write(bytes);
            target.flush();
        }
    }

    private void run() {
        Duration backoff = BACKOFF_FIRST;
        while (running) {
            state = LinkState.CONNECTING;
            try (Transport.Link link = transport.open()) {
                out = link.out();
                state = LinkState.CONNECTED;
                backoff = BACKOFF_FIRST;
                session(link.in());
            }
            catch (IOException | RuntimeException failed) {
                lastError = failed.getClass().getSimpleName() + ": " + failed.getMessage();
                log.debug("Bench {}: {}", benchId, lastError);
            }
            finally {
                out = null;
            }
            if (!running) {
                break;
            }
            state = LinkState.DISCONNECTED;
            reconnects++;
            sleep(backoff);
            backoff = backoff.multipliedBy(2).compareTo(BACKOFF_MAX) > 0 ? BACKOFF_MAX : backoff.multipliedBy(2);
        }
        state = LinkState.STOPPED;
    }

    /** Reads one connection until it fails, falls silent or the balance is closed. */
    private void session(InputStream in) throws IOException {
        LineFramer framer = new LineFramer(codec.maxLineLength());
        byte[] buffer = new byte[512];
        // a reconnect may reach another balance: what it is is asked again, and nothing
        // is assumed until it answers
        model = null;
        serialNumber = null;
        for (byte[] identify : codec.identifyCommands()) {
            write(identify);
        }
        if (mode == Mode.CONTINUOUS && codec.continuousCommand() != null) {
            write(codec.continuousCommand());
        }
        Instant lastLine = clock.instant();
        Instant nextPoll = clock.instant();
        while (running) {
            Instant now = clock.instant();
            if (mode == Mode.POLL && !now.isBefore(nextPoll)) {
                write(codec.pollCommand());
                nextPoll = now.plus(pollInterval);
            }
            int count;
            try {
                count = in.read(buffer);
            }
            catch (InterruptedIOException quiet) {
                count = 0;
            }
            if (count < 0) {
                throw new IOException("the balance closed the connection");
            }
            now = clock.instant();
            if (count > 0) {
                for (String line : framer.accept(buffer, 0, count)) {
                    lastLine = now;
                    received(line, now);
                }
                overlongLines = framer.overlongLines();
            }
            if (lastLine.plus(silenceLimit).isBefore(now)) {
                throw new IOException("the balance has not answered for " + silenceLimit.toMillis() + " ms");
            }
        }
    }

    private void received(String line, Instant at) {
        synchronized (rawLines) {
            if (rawLines.size() == RAW_LINES_KEPT) {
                rawLines.removeFirst();
            }
            rawLines.addLast(new RawLine(at, visible(line)));
        }
        Decoded decoded = codec.decode(line, at);
        if (decoded instanceof Decoded.Weight weight) {
            latest = weight.reading();
            listener.accept(weight.reading());
        }
        else if (decoded instanceof Decoded.Identity identity) {
            if (identity.model() != null) {
                model = identity.model();
            }
            if (identity.serialNumber() != null) {
                serialNumber = identity.serialNumber();
            }
        }
        else if (decoded instanceof Decoded.NotAWeight) {
            latest = new Reading(null, false, at, ScaleState.ERROR);
            listener.accept(latest);
        }
        else {
            CompletableFuture<Decoded> waiting = pendingCommand;
            if (waiting != null) {
                waiting.complete(decoded);
            }
            if (decoded instanceof Decoded.Failure failure) {
                lastError = failure.detail();
            }
        }
    }

    /**
     * The line with control characters shown as {@code <CR>}, {@code <ESC>},
     * {@code <0x1D>} …
     */
    static String visible(String line) {
        StringBuilder shown = new StringBuilder(line.length());
        for (char c : line.toCharArray()) {
            switch (c) {
                case '\r' -> shown.append("<CR>");
                case '\n' -> shown.append("<LF>");
                case 0x1B -> shown.append("<ESC>");
                case 0x06 -> shown.append("<ACK>");
                default -> {
                    if (c < 0x20 || c >= 0x7F) {
                        shown.append(String.format("<0x%02X>", (int) c));
                    }
                    else {
                        shown.append(c);
                    }
                }
            }
        }
        return shown.toString();
    }

    public Diagnostics diagnostics() {
        List<RawLine> lines;
        synchronized (rawLines) {
            lines = List.copyOf(rawLines);
        }
        return new Diagnostics(codec.protocol(), transport.describe(), mode.name().toLowerCase(Locale.ROOT), state,
                reconnects, lastError, latest, lines, overlongLines, model, serialNumber);
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        reader.interrupt();
        try {
            reader.join(TimeUnit.SECONDS.toMillis(2));
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

}
