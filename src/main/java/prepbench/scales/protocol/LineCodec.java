package prepbench.scales.protocol;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * What the protocols here share: a name, the longest line the balance sends, the four
 * commands, whether the balance answers zero and tare, and the first check of a line
 * (none longer than the protocol sends is read). A protocol reads the rest of a line in
 * {@link #read}.
 */
abstract class LineCodec implements BalanceCodec {

    private final String protocol;

    private final String name;

    private final int maxLine;

    private final Commands commands;

    /**
     * @param protocol the name in the configuration
     * @param name the name in messages ("not a line A&amp;D sends")
     * @param maxLine the longest line the balance sends, its terminator not counted
     */
    LineCodec(String protocol, String name, int maxLine, Commands commands) {
        this.protocol = protocol;
        this.name = name;
        this.maxLine = maxLine;
        this.commands = commands;
    }

    /** The commands a protocol sends; {@code continuous} is null when it has none. */
    record Commands(byte[] poll, byte[] continuous, byte[] zero, byte[] tare, boolean acknowledged) {

        /** A command as most protocols send it: ASCII letters and CR LF. */
        static byte[] line(String command) {
            return (command + "\r\n").getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** Reads a line no longer than the protocol's longest, never throwing. */
    abstract Decoded read(String line, Instant at);

    /** The answer for a line this protocol does not send. */
    final Decoded.Failure unreadable() {
        return Decoded.Failure.unreadable(name);
    }

    @Override
    public final Decoded decode(String line, Instant at) {
        Objects.requireNonNull(at, "at");
        return line == null || line.length() > maxLine ? unreadable() : read(line, at);
    }

    @Override
    public final String protocol() {
        return protocol;
    }

    @Override
    public final int maxLineLength() {
        return maxLine;
    }

    @Override
    public final byte[] pollCommand() {
        return commands.poll().clone();
    }

    @Override
    public final byte[] continuousCommand() {
        return commands.continuous() == null ? null : commands.continuous().clone();
    }

    @Override
    public final byte[] zeroCommand() {
        return commands.zero().clone();
    }

    @Override
    public final byte[] tareCommand() {
        return commands.tare().clone();
    }

    @Override
    public final boolean acknowledgesCommands() {
        return commands.acknowledged();
    }

}
