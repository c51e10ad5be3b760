package prepbench.scales.protocol;

import java.time.Instant;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import prepbench.scales.Reading;

/**
 * A&amp;D's standard format, which many OEM balances copy: a two-letter header, a comma,
 * the value with its sign, the unit ({@code ST,+00123.45  g}). {@code ST} is stable,
 * {@code US} unstable, {@code OL} out of range (overload with '+', underload with '-';
 * the value is meaningless), {@code QT} pieces in count mode. Indicators add a second
 * header: {@code GS} gross and {@code NT} net are the displayed weight, {@code TR} is the
 * tare value and no reading; comparator results {@code OK}, {@code LO}, {@code HI},
 * {@code --} leave the weight as it is. The balance acknowledges a command with a lone
 * ACK (0x06) and reports errors as {@code EC,Exx}.
 * <p>
 * Commands: {@code Q} one reading now, {@code SIR} continuous, {@code Z} zero, {@code T}
 * tare.
 */
final class AdCodec extends LineCodec {

    static final String ACK = "\u0006";

    private static final Pattern LINE = Pattern.compile("([A-Z]{2}),(?:([A-Z]{2}|--),)?(.*)");

    private static final Pattern ERROR = Pattern.compile("E\\d{2}");

    private static final Set<String> WEIGHT_HEADERS = Set.of("GS", "NT", "OK", "LO", "HI", "--");

    AdCodec() {
        super("ad", "A&D", 24,
                new Commands(Commands.line("Q"), Commands.line("SIR"), Commands.line("Z"), Commands.line("T"), true));
    }

    @Override
    Decoded read(String line, Instant at) {
        if (line.equals(ACK)) {
            return new Decoded.Acknowledged("", true, "ACK");
        }
        Matcher fields = LINE.matcher(line);
        if (!fields.matches()) {
            return unreadable();
        }
        String header = fields.group(1);
        String second = fields.group(2);
        String data = fields.group(3);
        if ("TR".equals(second)) {
            return new Decoded.NotAWeight("a tare value, not the load on the pan");
        }
        if (second != null && !WEIGHT_HEADERS.contains(second)) {
            return unreadable();
        }
        return switch (header) {
            case "ST",
                    "US" ->
                PrintedWeight.parse(data)
                    .map(printed -> printed.decode(header.equals("ST"), at))
                    .orElseGet(() -> unreadable());
            case "OL" -> data.strip().startsWith("-") ? Decoded.Weight.underload(at) : Decoded.Weight.overload(at);
            case "QT" -> new Decoded.NotAWeight("count mode: pieces, not a weight; switch the balance to g");
            case "EC" -> ERROR.matcher(data).matches() ? new Decoded.Failure("balance error " + data) : unreadable();
            default -> unreadable();
        };
    }

    /**
     * {@code ST,+0000.123  g}: a sign and 8 zero-padded characters, the unit
     * right-aligned in 3.
     */
    @Override
    public String weightLine(Reading reading, String unit) {
        PrintedWeight printed = PrintedWeight.of(reading.grams(), unit);
        String digits = printed.digits(8);
        return (reading.capturable() ? "ST," : "US,") + (printed.negative() ? "-" : "+")
                + "0".repeat(8 - digits.length()) + digits + unitField(unit);
    }

    @Override
    public String outOfRangeLine(boolean over, String unit) {
        return (over ? "OL,+9999999" : "OL,-9999999") + unitField(unit);
    }

    private static String unitField(String unit) {
        return " ".repeat(Math.max(0, 3 - unit.length())) + unit;
    }

    /**
     * {@code Q}, {@code SI}, {@code SIR}: the reading ({@code SIR} starts a stream the
     * caller repeats); {@code S}: the reading once stable, nothing before; {@code Z},
     * {@code R}, {@code T}: ACK when stable, else error E11 (stability); {@code C}: ACK;
     * anything else: error E01 (undefined command).
     */
    @Override
    public String reply(String command, Reading current) {
        return switch (command) {
            case "Q", "SI", "SIR" -> encode(current, "g");
            case "S" -> current.capturable() ? encode(current, "g") : null;
            case "Z", "R", "T" -> current.capturable() ? ACK : "EC,E11";
            case "C" -> ACK;
            default -> "EC,E01";
        };
    }

}
