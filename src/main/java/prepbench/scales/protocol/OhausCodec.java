package prepbench.scales.protocol;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import prepbench.scales.Reading;

/**
 * Ohaus native: the value right-aligned after fill (spaces, or '*' as some manuals print
 * them), the unit, then flags: {@code ?} while the weight moves; a legend ({@code G},
 * {@code B/G}, {@code N}, {@code NET} for the displayed weight, {@code T} or {@code Tare}
 * for the tare value, {@code TOTAL} in accumulate mode); {@code C} for centre of zero; a
 * time in interval printing. {@code ES} answers an invalid command.
 * <p>
 * No overload line is documented for the native format. This codec reads the Ohaus error
 * codes 8.3 (above the overload limit) and 8.4 (below the underload limit), printed
 * {@code Err 8.3} and {@code Err 8.4}, as overload and underload, and the simulator sends
 * them so: an assumption to check against a real balance. Any other {@code Err} line is
 * an error.
 * <p>
 * Commands: {@code IP} one reading now, {@code CP} continuous, {@code Z} zero, {@code T}
 * tare.
 */
final class OhausCodec extends LineCodec {

    private static final Pattern INVALID_COMMAND = Pattern.compile(" *ES *");

    private static final Pattern ERROR = Pattern.compile(" *Err +(\\d{1,2}(?:\\.\\d{1,2})?) *");

    private static final Pattern FILL = Pattern.compile("^[* ]+");

    private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}:\\d{2}");

    private static final Set<String> LEGENDS = Set.of("G", "B/G", "N", "NET", "Net", "C");

    private static final Set<String> NOT_THE_LOAD = Set.of("T", "Tare", "TOTAL");

    OhausCodec() {
        super("ohaus", "Ohaus", 40,
                new Commands(Commands.line("IP"), Commands.line("CP"), Commands.line("Z"), Commands.line("T"), false));
    }

    @Override
    Decoded read(String line, Instant at) {
        if (INVALID_COMMAND.matcher(line).matches()) {
            return new Decoded.Failure("the balance does not know the command");
        }
        Matcher error = ERROR.matcher(line);
        if (error.matches()) {
            return switch (error.group(1)) {
                case "8.3" -> Decoded.Weight.overload(at);
                case "8.4" -> Decoded.Weight.underload(at);
                default -> new Decoded.Failure("balance error " + error.group(1));
            };
        }
        List<String> tokens = Arrays.asList(FILL.matcher(line).replaceFirst("").split(" +"));
        int end = tokens.size();
        while (end > 1 && isFlag(tokens.get(end - 1))) {
            end--;
        }
        List<String> flags = tokens.subList(end, tokens.size());
        if (flags.stream().anyMatch(NOT_THE_LOAD::contains)) {
            return new Decoded.NotAWeight(flags.contains("TOTAL") ? "an accumulated total, not the load on the pan"
                    : "a tare value, not the load on the pan");
        }
        boolean stable = !flags.contains("?");
        return PrintedWeight.parse(String.join(" ", tokens.subList(0, end)))
            .map(printed -> printed.decode(stable, at))
            .orElseGet(() -> unreadable());
    }

    private static boolean isFlag(String token) {
        return token.equals("?") || LEGENDS.contains(token) || NOT_THE_LOAD.contains(token)
                || TIME.matcher(token).matches();
    }

    /**
     * {@code      192.21 g ?}: the value right-aligned in 11 characters, the unit,
     * {@code ?} while unstable.
     */
    @Override
    public String weightLine(Reading reading, String unit) {
        return PrintedWeight.of(reading.grams(), unit).signed(11) + " " + unit + (reading.capturable() ? "" : " ?");
    }

    @Override
    public String outOfRangeLine(boolean over, String unit) {
        return over ? "Err 8.3" : "Err 8.4";
    }

    /**
     * {@code IP}, {@code P}, {@code CP}: the reading ({@code CP} starts a stream the
     * caller repeats); {@code SP}: the reading once stable, nothing before; {@code Z},
     * {@code T}: no reply; anything else: {@code ES}.
     */
    @Override
    public String reply(String command, Reading current) {
        return switch (command) {
            case "IP", "P", "CP" -> encode(current, "g");
            case "SP" -> current.capturable() ? encode(current, "g") : null;
            case "Z", "T" -> null;
            default -> "ES";
        };
    }

}
