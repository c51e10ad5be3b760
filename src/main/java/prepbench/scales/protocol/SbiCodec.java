package prepbench.scales.protocol;

import java.time.Instant;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import prepbench.scales.Reading;
import prepbench.scales.ScaleState;

/**
 * Sartorius SBI: 16-character lines (sign or space, space, 8 characters of value with
 * leading zeros as spaces, space, 3 characters of unit) or 22 with a 6-character
 * identifier first ({@code N} net, {@code G} or {@code G#} gross; {@code T} is the tare
 * value and no reading). While the weight moves the balance leaves the unit out: such a
 * line reads as an unstable weight in grams, the unit a weighing needs; the next stable
 * line carries its unit, and any but g, kg or mg stops the weighing.
 * {@code H}/{@code High} and {@code L}/{@code Low} are overload and underload;
 * {@code Err nnn} or {@code APP.ERR} (also after {@code Stat}) is an error; other
 * {@code Stat} lines (calibration) and a blank display carry no weight.
 * <p>
 * Commands: ESC P prints one reading; ESC T is the balance's one key for zero and tare
 * (it zeroes an empty pan), so both send it. SBI has no command for continuous output:
 * that is the balance's auto-print menu setting.
 */
final class SbiCodec extends LineCodec {

    private static final Pattern BLANK = Pattern.compile(" *");

    private static final Pattern OVERLOAD = Pattern.compile(" *(?:Stat +)?(?:H|HH|High) *");

    private static final Pattern UNDERLOAD = Pattern.compile(" *(?:Stat +)?(?:L|LL|Low) *");

    private static final Pattern ERROR = Pattern.compile(" *(?:Stat +)?((?:Err|ERR) +\\d+|[A-Z]{3}\\.ERR) *");

    private static final Pattern STATUS = Pattern.compile(" *Stat(?: .*)?");

    private static final Pattern WEIGHT = Pattern.compile(" *(?:([A-Za-z][A-Za-z0-9#]*) +)?(.*)");

    private static final Set<String> WEIGHT_IDENTIFIERS = Set.of("N", "G", "G#");

    SbiCodec() {
        super("sbi", "SBI", 24, new Commands(new byte[] { 0x1B, 'P' }, null, new byte[] { 0x1B, 'T' },
                new byte[] { 0x1B, 'T' }, false));
    }

    @Override
    Decoded read(String line, Instant at) {
        Matcher error = ERROR.matcher(line);
        if (error.matches()) {
            return new Decoded.Failure("the balance reports " + error.group(1));
        }
        if (OVERLOAD.matcher(line).matches()) {
            return Decoded.Weight.overload(at);
        }
        if (UNDERLOAD.matcher(line).matches()) {
            return Decoded.Weight.underload(at);
        }
        if (BLANK.matcher(line).matches() || STATUS.matcher(line).matches()) {
            return new Decoded.NotAWeight("the balance shows no weight (blank, calibrating or busy)");
        }
        Matcher weight = WEIGHT.matcher(line);
        if (!weight.matches()) {
            return unreadable();
        }
        String identifier = weight.group(1);
        if (identifier != null && !WEIGHT_IDENTIFIERS.contains(identifier)) {
            return new Decoded.NotAWeight(identifier.equals("T") ? "a tare value, not the load on the pan"
                    : "a line marked " + identifier + ", not a net or gross weight");
        }
        return PrintedWeight.parse(weight.group(2))
            .map(printed -> printed.unit().isEmpty()
                    ? new Decoded.Weight(new Reading(printed.value(), false, at, ScaleState.UNSTABLE), "")
                    : printed.decode(true, at))
            .orElseGet(() -> unreadable());
    }

    /**
     * {@code +    123.456 g  }: sign, space, the value in 8 characters, space, the unit
     * in 3, or 3 spaces while unstable; an unstable line thus reads back in grams
     * whatever the unit. Overload and underload put {@code H} or {@code L} in the 7th
     * character.
     */
    @Override
    public String weightLine(Reading reading, String unit) {
        PrintedWeight printed = PrintedWeight.of(reading.grams(), unit);
        return (printed.negative() ? "- " : "+ ") + String.format("%8s", printed.digits(8)) + " "
                + String.format("%-3s", reading.capturable() ? unit : "");
    }

    @Override
    public String outOfRangeLine(boolean over, String unit) {
        return String.format("%-14s", over ? "      H" : "      L");
    }

    /** ESC P: the reading; ESC T and anything else: no reply. */
    @Override
    public String reply(String command, Reading current) {
        return "\u001BP".equals(command) ? encode(current, "g") : null;
    }

}
