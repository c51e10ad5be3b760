package prepbench.scales.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

import prepbench.scales.Reading;
import prepbench.scales.ScaleState;
import prepbench.scales.SimulatedBalance;
import prepbench.scales.protocol.BalanceCodec;
import prepbench.scales.protocol.BalanceCodecs;

/**
 * A TCP server that behaves like a balance speaking one protocol: it answers commands (a
 * poll, zero, tare) and, when streaming, sends a reading line at a fixed rate. A
 * {@link SimulatedBalance} gives the weights; a {@link Fault} makes it misbehave. Bound
 * to the loopback address only.
 *
 * <p>
 * Run it by hand with
 * {@code java -cp target/classes prepbench.scales.simulator.ScaleSimulatorServer
 * --protocol mt-sics --port 4001 [--stream-hz 10] [--fault torn]} and type
 * {@code load 78.5}, {@code fault
 * garbage}, {@code offline}, {@code online} or {@code quit}.
 */
public final class ScaleSimulatorServer implements AutoCloseable {

    private static final byte ESC = 0x1B;

    private static final int LINES_BEFORE_DISCONNECT = 5;

    private final BalanceCodec codec;

    private final SimulatedBalance balance;

    private final ServerSocket server;

    private final Duration streamPeriod;

    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();

    private final AtomicLong linesSent = new AtomicLong();

    private final AtomicInteger mostClientsAtOnce = new AtomicInteger();

    private final AtomicLong connectionsAccepted = new AtomicLong();

    private final Random random = new Random(42);

    private volatile Fault fault = Fault.NONE;

    private volatile String unit = "g";

    private volatile BiConsumer<String, Long> onLineWritten = (line, nanos) -> {
    };

    private volatile boolean running = true;

    /**
     * @param port 0 for any free port
     * @param streamHz readings sent per second without being asked; 0 to answer commands
     * only (a continuous-mode command such as MT-SICS {@code SIR} starts streaming at 10
     * Hz)
     */
    public ScaleSimulatorServer(String protocol, int port, int streamHz) throws IOException {
        this.codec = BalanceCodecs.forProtocol(protocol)
            .orElseThrow(() -> new IllegalArgumentException("Unknown protocol " + protocol));
        this.balance = new SimulatedBalance("simulator", Clock.systemUTC(), new BigDecimal("0.001"),
                SimulatedBalance.DEFAULT_CAPACITY_G, 7);
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        this.streamPeriod = streamHz > 0 ? Duration.ofMillis(1000 / streamHz) : null;
        Thread acceptor = new Thread(this::accept, "scale-simulator-" + protocol);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The balance behind the server: load it, take it offline, read what it shows. */
    public SimulatedBalance balance() {
        return balance;
    }

    public void fault(Fault newFault) {
        fault = newFault;
    }

    /**
     * The unit the balance shows, as if someone pressed its unit key: g, kg, mg, ct, lb
     * or oz.
     */
    public void unit(String shown) {
        codec.encode(new Reading(BigDecimal.ONE, true, java.time.Instant.EPOCH, ScaleState.OK), shown);
        unit = shown;
    }

    /**
     * Calls the listener with every line written, and the {@link System#nanoTime()} just
     * after it left.
     */
    public void onLineWritten(BiConsumer<String, Long> listener) {
        onLineWritten = listener;
    }

    /** How many clients are connected now. */
    public int connectedClients() {
        return clients.size();
    }

    /**
     * The most clients that were connected at the same moment since the simulator
     * started: a balance that allows one connection at a time shows here whether it ever
     * had two.
     */
    public int mostClientsAtOnce() {
        return mostClientsAtOnce.get();
    }

    /** Connections accepted since the simulator started. */
    public long connectionsAccepted() {
        return connectionsAccepted.get();
    }

    /** Lines sent to all clients so far. */
    public long linesSent() {
        return linesSent.get();
    }

    /** Drops every connection now, as a cable pulled out would. */
    public void dropConnections() {
        clients.forEach(ScaleSimulatorServer::closeQuietly);
    }

    private void accept() {
        while (running) {
            try {
                Socket client = server.accept();
                client.setTcpNoDelay(true);
                clients.add(client);
                connectionsAccepted.incrementAndGet();
                mostClientsAtOnce.accumulateAndGet(clients.size(), Math::max);
                Thread handler = new Thread(() -> serve(client), "scale-simulator-client");
                handler.setDaemon(true);
                handler.start();
            }
            catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            client.setSoTimeout(streamPeriod == null ? 100 : (int) Math.max(1, streamPeriod.toMillis() / 2));
            Duration period = streamPeriod;
            long nextLine = System.nanoTime();
            int sentOnThisConnection = 0;
            StringBuilder command = new StringBuilder();
            byte[] buffer = new byte[256];
            while (running && !client.isClosed()) {
                int count;
                try {
                    count = in.read(buffer);
                }
                catch (java.net.SocketTimeoutException quiet) {
                    count = 0;
                }
                if (count < 0) {
                    return;
                }
                for (int i = 0; i < count; i++) {
                    byte b = buffer[i];
                    if (b == ESC && i + 1 < count) {
                        String escape = new String(new byte[] { b, buffer[++i] }, StandardCharsets.ISO_8859_1);
                        sentOnThisConnection += respond(out, escape);
                    }
                    else if (b == '\r' || b == '\n') {
                        if (!command.isEmpty()) {
                            String received = command.toString();
                            command.setLength(0);
                            if (codec.continuousCommand() != null
                                    && received.equals(trimmed(codec.continuousCommand()))) {
                                period = period == null ? Duration.ofMillis(100) : period;
                            }
                            sentOnThisConnection += respond(out, received);
                        }
                    }
                    else if (command.length() < 64) {
                        command.append((char) (b & 0xFF));
                    }
                }
                if (period != null && System.nanoTime() >= nextLine) {
                    nextLine = System.nanoTime() + period.toNanos();
                    Reading reading = balance.read();
                    if (reading.state() != ScaleState.OFFLINE) {
                        sentOnThisConnection += send(out, codec.encode(reading, unit));
                    }
                }
                if (fault == Fault.DISCONNECT && sentOnThisConnection >= LINES_BEFORE_DISCONNECT) {
                    return;
                }
            }
        }
        catch (IOException dropped) {
            // the client went away, or the connection was dropped on purpose
        }
        finally {
            clients.remove(client);
        }
    }

    private int respond(OutputStream out, String command) throws IOException {
        var answer = codec.answer(command, balance.read());
        if (isZero(command)) {
            tryZero();
        }
        else if (isTare(command)) {
            tryTare();
        }
        return answer.isPresent() ? send(out, answer.get()) : 0;
    }

    private boolean isZero(String command) {
        return command.equals(trimmed(codec.zeroCommand()));
    }

    private boolean isTare(String command) {
        return command.equals(trimmed(codec.tareCommand()));
    }

    private void tryZero() {
        try {
            balance.zero();
        }
        catch (RuntimeException refused) {
            // the codec's answer already says it was refused
        }
    }

    private void tryTare() {
        try {
            balance.tare();
        }
        catch (RuntimeException refused) {
            // the codec's answer already says it was refused
        }
    }

    private static String trimmed(byte[] command) {
        return new String(command, StandardCharsets.ISO_8859_1).replace("\r", "").replace("\n", "");
    }

    /**
     * Writes one line as the current fault dictates; answers how many lines it counts as.
     */
    private int send(OutputStream out, String line) throws IOException {
        Fault now = fault;
        if (now == Fault.SILENCE) {
            return 0;
        }
        String ending = now == Fault.CR_ONLY ? "\r" : now == Fault.LF_ONLY ? "\n" : "\r\n";
        byte[] bytes = (line + ending).getBytes(StandardCharsets.ISO_8859_1);
        switch (now) {
            case TORN -> {
                int half = bytes.length / 2;
                out.write(bytes, 0, half);
                out.flush();
                pause(15);
                out.write(bytes, half, bytes.length - half);
            }
            case MERGED -> out.write(concat(bytes, bytes));
            case GARBAGE -> {
                byte[] junk = new byte[1 + random.nextInt(12)];
                random.nextBytes(junk);
                out.write(junk);
                out.write(ending.getBytes(StandardCharsets.ISO_8859_1));
                out.write(bytes);
            }
            case OVERLONG -> {
                out.write(("X".repeat(500) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(bytes);
            }
            default -> out.write(bytes);
        }
        out.flush();
        onLineWritten.accept(line, System.nanoTime());
        linesSent.incrementAndGet();
        return 1;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        }
        catch (IOException ignored) {
            // closing is all we wanted
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            server.close();
        }
        catch (IOException ignored) {
            // closing is all we wanted
        }
        dropConnections();
    }

    /** Runs a simulator from the command line until {@code quit} or end of input. */
    public static void main(String[] args) throws IOException {
        String protocol = option(args, "--protocol", "mt-sics");
        int port = Integer.parseInt(option(args, "--port", "4001"));
        int hz = Integer.parseInt(option(args, "--stream-hz", "0"));
        try (ScaleSimulatorServer simulator = new ScaleSimulatorServer(protocol, port, hz)) {
            simulator.fault(Fault.valueOf(option(args, "--fault", "none").toUpperCase(Locale.ROOT).replace('-', '_')));
            System.out.println("Simulated " + protocol + " balance on 127.0.0.1:" + simulator.port()
                    + ". Commands: load <grams> [settle-ms], fault <" + java.util.Arrays.toString(Fault.values())
                    + ">, offline, online, quit");
            var console = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = console.readLine(); line != null; line = console.readLine()) {
                String[] words = line.strip().split("\\s+");
                try {
                    switch (words[0].toLowerCase(Locale.ROOT)) {
                        case "load" -> simulator.balance()
                            .load(new BigDecimal(words[1]),
                                    Duration.ofMillis(words.length > 2 ? Long.parseLong(words[2]) : 1500),
                                    BigDecimal.ZERO);
                        case "fault" ->
                            simulator.fault(Fault.valueOf(words[1].toUpperCase(Locale.ROOT).replace('-', '_')));
                        case "offline" -> simulator.balance().setOffline(true);
                        case "online" -> simulator.balance().setOffline(false);
                        case "quit" -> {
                            return;
                        }
                        default -> System.out.println("Unknown command: " + words[0]);
                    }
                    System.out.println("now: " + simulator.balance().read());
                }
                catch (RuntimeException bad) {
                    System.out.println("Cannot do that: " + bad.getMessage());
                }
            }
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

}
