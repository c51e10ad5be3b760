package prepbench.scanning;

import static java.util.function.Predicate.not;

import java.text.Normalizer;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import prepbench.entry.Digits;
import prepbench.entry.Text;

/**
 * Reads the label on an ingredient container, for the identity gate of a weighing step.
 *
 * <p>
 * The scan is first normalised: bidi and zero-width marks are removed, NFKC applied,
 * surrounding whitespace (including line ends and the GS separator) stripped, and a
 * leading AIM symbology identifier such as {@code ]C1}, {@code ]d2}, {@code ]Q3} or
 * {@code ]e0} taken off and reported. Control characters, unpaired surrogates, private
 * and unassigned code points are unreadable; only {@code gs1} accepts the GS separator
 * (U+001D) inside the label. Then, by {@link LabelParser}:
 * <ul>
 * <li>{@code plain}: the text is the code.</li>
 * <li>{@code gs1}: an element string, bracketed
 * ({@code (01)09506000134352(17)261231(10)LOT42}) or not, a variable-length field ending
 * at a GS separator or at the end; or the bare GTIN as a barcode of the EAN/UPC family or
 * ITF-14 carries it (8, 12, 13 or 14 digits, with or without {@code ]E0}, {@code ]E4},
 * {@code ]I1}), read as the GTIN-14 with leading zeros. The GTIN (01), (02) and the SSCC
 * (00) must have a correct check digit. Dates (11), (13), (15) and (17) are
 * {@code YYMMDD}, day {@code 00} meaning the month's last day, in the century GS1
 * prescribes: the year from 49 years before to 50 years after the current one. The code
 * is the GTIN (01): a label without one (a lot, dates, an SSCC only) has no code.</li>
 * <li>{@code kv}: {@code KEY=VALUE} parts separated by {@code ;} (or the Arabic
 * {@code ؛}); keys in any case, each once; the code is the first non-empty of
 * {@code ING}, {@code CODE} and {@code ID}; {@code EXP} is {@code yyyy-MM-dd} or
 * {@code YYMMDD} read as in GS1. A label with no {@code =} at all is the bare code value
 * (the barcode printed beside the key-value one), without lot or expiry.</li>
 * </ul>
 */
public final class ContainerLabels {

    /** Longer normalised input is refused without being read. */
    public static final int MAX_INPUT_LENGTH = 512;

    private static final String GROUP_SEPARATOR = "\u001D";

    private static final Pattern AIM_SYMBOLOGY_IDENTIFIER = Pattern.compile("](?<symbology>[A-Za-z][A-Za-z0-9])");

    private static final Pattern BRACKETED_ELEMENT = Pattern.compile("\\(\\s*(?<ai>[0-9]{2,4})\\s*\\)(?<value>[^(]*)");

    private static final Pattern BARE_GTIN = Pattern.compile("[0-9]{8}|[0-9]{12,14}");

    /**
     * Symbologies that carry a bare GTIN: EAN-13 and UPC-A, EAN-8, ITF with its check
     * digit.
     */
    private static final java.util.Set<String> GTIN_SYMBOLOGIES = java.util.Set.of("E0", "E4", "I1");

    private static final Map<String, Gs1Field> GS1_FIELDS = gs1Fields();

    private static final Pattern KEY_VALUE = Pattern.compile("(?<key>[A-Za-z][A-Za-z0-9_]*)\\s*=\\s*(?<value>.*)");

    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private static final Pattern YYMMDD = Pattern.compile("(?<yy>[0-9]{2})(?<mm>[0-9]{2})(?<dd>[0-9]{2})");

    private ContainerLabels() {
    }

    /**
     * Reads a label, taking the current year for the GS1 century rule from the system
     * clock in UTC. Whatever the raw text (null included), throws nothing but
     * {@link LabelRefused}.
     */
    public static ContainerLabel parse(String raw, LabelParser parser) {
        return parse(raw, parser, Clock.systemUTC());
    }

    /**
     * Reads a label, taking the current year for the GS1 century rule from the clock.
     * Whatever the raw text (null included), throws nothing but {@link LabelRefused}.
     */
    public static ContainerLabel parse(String raw, LabelParser parser, Clock clock) {
        Objects.requireNonNull(parser, "parser");
        int currentYear = Year.now(clock).getValue();
        String normalised = raw == null ? ""
                : Digits.western(
                        Normalizer.normalize(ScanText.INVISIBLE_MARKS.matcher(raw).replaceAll(""), Normalizer.Form.NFKC)
                            .strip());
        Matcher aim = AIM_SYMBOLOGY_IDENTIFIER.matcher(normalised);
        Optional<String> symbology = aim.lookingAt() ? Optional.of(aim.group("symbology")) : Optional.empty();
        String text = normalised.substring(symbology.isPresent() ? aim.end() : 0).strip();
        if (text.isEmpty()) {
            throw LabelRefused.empty();
        }
        if (text.length() > MAX_INPUT_LENGTH) {
            throw LabelRefused.tooLong();
        }
        if (ScanText.UNREADABLE.matcher(parser == LabelParser.GS1 ? text.replace(GROUP_SEPARATOR, "") : text).find()) {
            throw LabelRefused.unreadable();
        }
        return switch (parser) {
            case PLAIN ->
                new ContainerLabel(symbology, text, Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
            case GS1 -> gs1Label(symbology, text, currentYear);
            case KV -> keyValueLabel(symbology, text, currentYear);
        };
    }

    private static ContainerLabel gs1Label(Optional<String> symbology, String text, int currentYear) {
        if (BARE_GTIN.matcher(text).matches() && symbology.map(GTIN_SYMBOLOGIES::contains).orElse(true)) {
            String gtin = "0".repeat(14 - text.length()) + text;
            if (hasValidCheckDigit(gtin)) {
                return new ContainerLabel(symbology, gtin, Optional.empty(), Optional.empty(), Optional.empty(),
                        Map.of("01", gtin));
            }
        }
        Map<String, String> elements = new LinkedHashMap<>();
        if (text.startsWith("(")) {
            readBracketed(text, elements, currentYear);
        }
        else {
            readUnbracketed(text, elements, currentYear);
        }
        String code = elements.get("01");
        if (code == null) {
            throw LabelRefused.noGtin();
        }
        return new ContainerLabel(symbology, code, Optional.ofNullable(elements.get("10")),
                Optional.ofNullable(elements.get("17")).map(date -> yymmdd(date, currentYear).orElseThrow()),
                Optional.ofNullable(elements.get("21")), elements);
    }

    /**
     * Each element is {@code (AI)value}; whitespace around brackets and values is
     * ignored.
     */
    private static void readBracketed(String text, Map<String, String> elements, int currentYear) {
        Matcher element = BRACKETED_ELEMENT.matcher(text);
        for (int position = 0; position < text.length(); position = element.end()) {
            if (!element.region(position, text.length()).lookingAt()) {
                throw LabelRefused.notGs1();
            }
            add(element.group("ai"), element.group("value").strip(), elements, currentYear);
        }
    }

    /**
     * A fixed-length field takes its length; a variable-length one runs to the next GS
     * separator or the end.
     */
    private static void readUnbracketed(String text, Map<String, String> elements, int currentYear) {
        int position = 0;
        while (position < text.length()) {
            if (text.startsWith(GROUP_SEPARATOR, position)) {
                position++;
                continue;
            }
            String ai = aiAt(text, position);
            Gs1Field field = GS1_FIELDS.get(ai);
            int start = position + ai.length();
            int end = field.fixed() ? start + field.length() : text.indexOf(GROUP_SEPARATOR, start);
            position = end < 0 || end > text.length() ? text.length() : end;
            add(ai, text.substring(start, position), elements, currentYear);
        }
    }

    /**
     * GS1 application identifiers are prefix-free: at most one of the 2, 3 and 4 digits
     * here is a known one.
     */
    private static String aiAt(String text, int position) {
        return IntStream.rangeClosed(2, 4)
            .filter(length -> position + length <= text.length())
            .mapToObj(length -> text.substring(position, position + length))
            .filter(GS1_FIELDS::containsKey)
            .findFirst()
            .orElseThrow(() -> {
                String start = text.substring(position, Math.min(position + 2, text.length()));
                return start.matches("[0-9]+") ? LabelRefused.unknownGs1Field(start) : LabelRefused.notGs1();
            });
    }

    private static void add(String ai, String value, Map<String, String> elements, int currentYear) {
        Gs1Field field = GS1_FIELDS.get(ai);
        if (field == null) {
            throw LabelRefused.unknownGs1Field(ai);
        }
        if (!field.accepts(value)) {
            throw LabelRefused.damagedGs1Field(ai, field.rule());
        }
        if (field.content() == Content.CHECKED_DIGITS && !hasValidCheckDigit(value)) {
            throw LabelRefused.badCheckDigit(ai, value);
        }
        if (field.content() == Content.DATE && yymmdd(value, currentYear).isEmpty()) {
            throw LabelRefused.badDate("(" + ai + ")");
        }
        if (elements.putIfAbsent(ai, value) != null) {
            throw LabelRefused.repeatedGs1Field(ai);
        }
    }

    /**
     * GS1 modulo 10: from the right, leaving out the check digit itself, digits weigh 3,
     * 1, 3, 1…
     */
    private static boolean hasValidCheckDigit(String digits) {
        int sum = 0;
        for (int index = digits.length() - 2, weight = 3; index >= 0; index--, weight = 4 - weight) {
            sum += (digits.charAt(index) - '0') * weight;
        }
        return (10 - sum % 10) % 10 == digits.charAt(digits.length() - 1) - '0';
    }

    /**
     * {@code YYMMDD} in GS1's sliding century, day {@code 00} meaning the last day of the
     * month; empty if no date.
     */
    private static Optional<LocalDate> yymmdd(String text, int currentYear) {
        Matcher date = YYMMDD.matcher(text);
        if (!date.matches()) {
            return Optional.empty();
        }
        int earliestYear = currentYear - 49;
        int year = earliestYear + Math.floorMod(Integer.parseInt(date.group("yy")) - earliestYear, 100);
        try {
            YearMonth month = YearMonth.of(year, Integer.parseInt(date.group("mm")));
            int day = Integer.parseInt(date.group("dd"));
            return Optional.of(day == 0 ? month.atEndOfMonth() : month.atDay(day));
        }
        catch (DateTimeException notADate) {
            return Optional.empty();
        }
    }

    private static ContainerLabel keyValueLabel(Optional<String> symbology, String text, int currentYear) {
        if (!text.contains("=")) {
            if (text.contains(";") || text.contains("\u061B")) {
                throw LabelRefused.malformedKeyValues();
            }
            return new ContainerLabel(symbology, text, Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String part : text.replace('\u061B', ';').split(";")) {
            if (part.isBlank()) {
                continue;
            }
            Matcher pair = KEY_VALUE.matcher(part.strip());
            if (!pair.matches()
                    || pairs.putIfAbsent(pair.group("key").toUpperCase(Locale.ROOT), pair.group("value")) != null) {
                throw LabelRefused.malformedKeyValues();
            }
        }
        String code = Stream.of("ING", "CODE", "ID")
            .flatMap(key -> valueOf(pairs, key).stream())
            .findFirst()
            .orElseThrow(LabelRefused::noIngredientCode);
        return new ContainerLabel(symbology, code, valueOf(pairs, "LOT"),
                valueOf(pairs, "EXP").map(date -> keyValueDate(date, currentYear)), Optional.empty(), pairs);
    }

    /** An empty value counts as absent. */
    private static Optional<String> valueOf(Map<String, String> pairs, String key) {
        return Optional.ofNullable(pairs.get(key)).filter(not(String::isEmpty));
    }

    private static LocalDate keyValueDate(String text, int currentYear) {
        try {
            return ISO_DATE.matcher(text).matches() ? LocalDate.parse(text)
                    : yymmdd(text, currentYear).orElseThrow(() -> LabelRefused.badDate("EXP"));
        }
        catch (DateTimeException notADate) {
            throw LabelRefused.badDate("EXP");
        }
    }

    private static Map<String, Gs1Field> gs1Fields() {
        Map<String, Gs1Field> fields = new HashMap<>(Map.of("00", Gs1Field.exactly(18, Content.CHECKED_DIGITS), "01",
                Gs1Field.exactly(14, Content.CHECKED_DIGITS), "02", Gs1Field.exactly(14, Content.CHECKED_DIGITS), "10",
                Gs1Field.upTo(20, Content.TEXT), "21", Gs1Field.upTo(20, Content.TEXT), "240",
                Gs1Field.upTo(30, Content.TEXT), "241", Gs1Field.upTo(30, Content.TEXT), "37",
                Gs1Field.upTo(8, Content.DIGITS), "400", Gs1Field.upTo(30, Content.TEXT)));
        Stream.of("11", "13", "15", "17").forEach(date -> fields.put(date, Gs1Field.exactly(6, Content.DATE)));
        IntStream.rangeClosed(3100, 3105)
            .forEach(netKg -> fields.put(String.valueOf(netKg), Gs1Field.exactly(6, Content.DIGITS)));
        IntStream.rangeClosed(91, 99)
            .forEach(internal -> fields.put(String.valueOf(internal), Gs1Field.upTo(90, Content.TEXT)));
        return Map.copyOf(fields);
    }

    /** What a GS1 field may hold. {@link #TEXT} is GS1's character set 82. */
    private enum Content {

        DIGITS("[0-9]*", Text.of("refused.label.gs1-content.digits")),
        CHECKED_DIGITS("[0-9]*", Text.of("refused.label.gs1-content.digits")),
        DATE("[0-9]*", Text.of("refused.label.gs1-content.date")),
        TEXT("[!\"%&'()*+,\\-./0-9:;<=>?A-Z_a-z]*", Text.of("refused.label.gs1-content.text"));

        private final Pattern syntax;

        private final Text description;

        Content(String syntax, Text description) {
            this.syntax = Pattern.compile(syntax);
            this.description = description;
        }

    }

    private record Gs1Field(int length, boolean fixed, Content content) {

        static Gs1Field exactly(int length, Content content) {
            return new Gs1Field(length, true, content);
        }

        static Gs1Field upTo(int length, Content content) {
            return new Gs1Field(length, false, content);
        }

        boolean accepts(String value) {
            boolean fits = fixed ? value.length() == length : !value.isEmpty() && value.length() <= length;
            return fits && content.syntax.matcher(value).matches();
        }

        Text rule() {
            return fixed ? Text.of("refused.label.gs1-rule.exactly", length, content.description)
                    : Text.of("refused.label.gs1-rule.up-to", length, content.description);
        }
    }

}
