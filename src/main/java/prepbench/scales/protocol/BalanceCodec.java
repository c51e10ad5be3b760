package prepbench.scales.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import prepbench.scales.Reading;
import prepbench.scales.ScaleState;

/**
 * One balance protocol: reads the lines a balance sends and knows the commands to send
 * it. Both sides are here, so the balance simulator speaks the protocol with the same
 * code that reads it. Implementations are immutable and thread-safe; get one from
 * {@link BalanceCodecs#forProtocol(String)}.
 * <p>
 * Commands are returned as fresh arrays with their terminator; lines are passed and
 * returned without one.
 */
public interface BalanceCodec {

    /**
     * The protocol's name in the configuration: {@code ad}, {@code mt-sics}, {@code sbi}
     * or {@code ohaus}.
     */
    String protocol();

    /**
     * The longest line the protocol sends, its terminator not counted: the
     * {@link LineFramer}'s maximum.
     */
    int maxLineLength();

    /**
     * Reads one line the balance sent. Never throws for any line: what cannot be read is
     * a {@link Decoded.Failure}. Only a stable weight printed in g, kg or mg decodes to a
     * capturable reading.
     * @param at when the line arrived; the time of the reading
     */
    Decoded decode(String line, Instant at);

    /** The command that asks for one reading now, stable or not. */
    byte[] pollCommand();

    /**
     * The command that makes the balance send readings continuously; null when the
     * protocol has none.
     */
    byte[] continuousCommand();

    /** The command that zeroes the balance. */
    byte[] zeroCommand();

    /** The command that tares the balance. */
    byte[] tareCommand();

    /**
     * The commands that ask the balance its model and serial number, sent once on every
     * connection (a reconnect may reach a replaced balance); none when the protocol has
     * no such command (A&amp;D, SBI, Ohaus native). Their answers decode to
     * {@link Decoded.Identity}.
     */
    default List<byte[]> identifyCommands() {
        return List.of();
    }

    /**
     * Whether the balance answers zero and tare (A&amp;D's ACK, MT-SICS {@code Z A});
     * some protocols never do.
     */
    default boolean acknowledgesCommands() {
        return true;
    }

    /**
     * The line the balance sends for a reading, as {@link #decode} reads it back: the
     * same state and stable flag, and the same weight rounded to the decimals the line
     * has room for.
     * @param unit the unit the balance shows: g, kg or mg, or ct, lb or oz to simulate a
     * unit switched on the balance
     * @throws IllegalArgumentException when the reading is offline or in error (a balance
     * sends no weight line then), the unit is unknown or the weight is too large for the
     * line
     */
    default String encode(Reading reading, String unit) {
        return switch (reading.state()) {
            case OK, UNSTABLE -> weightLine(reading, unit);
            case OVERLOAD -> outOfRangeLine(true, unit);
            case UNDERLOAD -> outOfRangeLine(false, unit);
            default -> throw new IllegalArgumentException("A balance sends no line when " + reading.state().code());
        };
    }

    /** The line for a weight, stable or not (the simulator's side of {@link #encode}). */
    String weightLine(Reading reading, String unit);

    /** The line for a load above ({@code over}) or below the balance's range. */
    String outOfRangeLine(boolean over, String unit);

    /**
     * The balance's reply to a command line it received, for a balance showing
     * {@code current} in grams; empty when it sends none (offline or in error, or a
     * command the protocol answers without a line).
     */
    default Optional<String> answer(String command, Reading current) {
        if (current.state() == ScaleState.OFFLINE || current.state() == ScaleState.ERROR) {
            return Optional.empty();
        }
        return Optional.ofNullable(reply(java.util.Objects.requireNonNullElse(command, ""), current));
    }

    /**
     * The reply of a balance that shows a reading to a command; null when it sends none.
     */
    String reply(String command, Reading current);

}
