package prepbench.scales.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import prepbench.scales.Reading;

/**
 * MT-SICS (Mettler Toledo; Ohaus after {@code PSI}): every reply starts with the name of
 * the command it answers and a status. {@code S S 100.00 g} is a stable weight,
 * {@code S D} a dynamic (unstable) one, both from {@code S}, {@code SI} and the
 * {@code SIR} stream; {@code S I} is busy or no stable weight in time, {@code S +}
 * overload and {@code S -} underload. {@code Z A} and {@code T S 12.34 g} confirm zero
 * and tare; {@code I}, {@code +}, {@code -} refuse them (busy or moving, above or below
 * the range). {@code I2} answers the balance's data ({@code I2 A "XS204 220.0090 g"}:
 * model, capacity, unit), {@code I4} its serial number ({@code I4 A "0123456789"});
 * {@code @} resets and answers {@code I4} too. {@code ES}, {@code ET}, {@code EL} are
 * syntax, transmission and logical errors.
 * <p>
 * Commands: {@code SI} one reading now, {@code SIR} continuous, {@code Z} zero, {@code T}
 * tare, {@code I2} and {@code I4} on connecting.
 */
final class MtSicsCodec extends LineCodec {

    /** The serial number the simulated balance reports. */
    static final String SERIAL_NUMBER = "0123456789";

    /** The balance data (model, capacity, unit) the simulated balance reports. */
    static final String MODEL = "PB-SIM220 220.0000 g";

    private static final Pattern REPLY = Pattern.compile("([A-Z][A-Z0-9]*)(?: +([A-Z+-]))?(?: +(.*?))? *");

    private static final Pattern QUOTED = Pattern.compile("\"([ -~]*)\"");

    private static final Map<String, String> ERRORS = Map.of("ES",
            "syntax error: the balance does not know the command", "ET",
            "transmission error: the balance received a garbled command", "EL",
            "logical error: the balance cannot carry out the command now");

    MtSicsCodec() {
        super("mt-sics", "MT-SICS", 64,
                new Commands(Commands.line("SI"), Commands.line("SIR"), Commands.line("Z"), Commands.line("T"), true));
    }

    @Override
    Decoded read(String line, Instant at) {
        Matcher reply = REPLY.matcher(line);
        if (!reply.matches()) {
            return unreadable();
        }
        String name = reply.group(1);
        String status = reply.group(2);
        String rest = reply.group(3);
        if (status == null) {
            return ERRORS.containsKey(name) && rest == null ? new Decoded.Failure(ERRORS.get(name)) : unreadable();
        }
        return switch (name) {
            case "S" -> weight(status, rest, at);
            case "Z", "T" -> zeroOrTare(name, status, rest);
            case "I2", "I4" -> identity(name, status, rest);
            default -> unreadable();
        };
    }

    private Decoded weight(String status, String rest, Instant at) {
        if (status.equals("S") || status.equals("D")) {
            return PrintedWeight.parse(Objects.requireNonNullElse(rest, ""))
                .map(printed -> printed.decode(status.equals("S"), at))
                .orElseGet(() -> unreadable());
        }
        if (rest != null) {
            return unreadable();
        }
        return switch (status) {
            case "I" -> new Decoded.NotAWeight("the balance is busy or did not settle in time");
            case "+" -> Decoded.Weight.overload(at);
            case "-" -> Decoded.Weight.underload(at);
            default -> unreadable();
        };
    }

    private Decoded zeroOrTare(String command, String status, String rest) {
        boolean zero = command.equals("Z");
        if (zero ? status.equals("A") && rest == null : status.equals("S") && rest != null) {
            return new Decoded.Acknowledged(command, true, zero ? "zeroed" : "tared " + rest);
        }
        String why = rest != null ? null : switch (status) {
            case "I" -> "the balance is busy or moving";
            case "+" -> "above the range";
            case "-" -> "below the range";
            default -> null;
        };
        return why == null ? unreadable()
                : new Decoded.Acknowledged(command, false, (zero ? "not zeroed: " : "not tared: ") + why);
    }

    /**
     * {@code I2 A "model"}, {@code I4 A "serial"}; {@code I2 I}, {@code I4 I}: the
     * balance will not say now.
     */
    private Decoded identity(String command, String status, String rest) {
        if (status.equals("I") && rest == null) {
            return new Decoded.Identity(null, null);
        }
        Matcher quoted = QUOTED.matcher(Objects.requireNonNullElse(rest, ""));
        if (!status.equals("A") || !quoted.matches() || quoted.group(1).isBlank()) {
            return unreadable();
        }
        String value = quoted.group(1).strip().replaceAll(" {2,}", " ");
        return command.equals("I2") ? new Decoded.Identity(value, null) : new Decoded.Identity(null, value);
    }

    @Override
    public List<byte[]> identifyCommands() {
        return List.of(Commands.line("I2"), Commands.line("I4"));
    }

    /**
     * {@code S S     100.00 g}: the value right-aligned in 10 characters, its sign glued
     * on, then the unit.
     */
    @Override
    public String weightLine(Reading reading, String unit) {
        return (reading.capturable() ? "S S " : "S D ") + field(reading, unit);
    }

    @Override
    public String outOfRangeLine(boolean over, String unit) {
        return over ? "S +" : "S -";
    }

    /**
     * {@code S}: the stable weight, or {@code S I}, {@code S +}, {@code S -}; {@code SI},
     * {@code SIR}: the reading ({@code SIR} starts a stream the caller repeats);
     * {@code Z}, {@code T}: {@code Z A}, {@code T S} with the tared weight, or refused;
     * {@code I2}: the balance data; {@code @}, {@code I4}: the serial number; anything
     * else: {@code ES}.
     */
    @Override
    public String reply(String command, Reading current) {
        return switch (command) {
            case "S" -> current.capturable() ? encode(current, "g") : "S " + refusal(current);
            case "SI", "SIR" -> encode(current, "g");
            case "Z" -> "Z " + (current.capturable() ? "A" : refusal(current));
            case "T" -> current.capturable() ? "T S " + field(current, "g") : "T " + refusal(current);
            case "I2" -> "I2 A \"" + MODEL + "\"";
            case "@", "I4" -> "I4 A \"" + SERIAL_NUMBER + "\"";
            default -> "ES";
        };
    }

    private static String field(Reading reading, String unit) {
        return PrintedWeight.of(reading.grams(), unit).signed(10) + " " + unit;
    }

    private static String refusal(Reading current) {
        return switch (current.state()) {
            case OVERLOAD -> "+";
            case UNDERLOAD -> "-";
            default -> "I";
        };
    }

}
