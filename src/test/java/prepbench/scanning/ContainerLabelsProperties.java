package prepbench.scanning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties over generated input. Plain JUnit with a fixed seed, so a failure names its
 * case and reproduces on every run.
 */
class ContainerLabelsProperties {

    private static final int TRIES = 1_000;

    private static final Clock MID_2025 = Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC);

    /** The dates a two-digit year means in mid-2025, by GS1's sliding century. */
    private static final LocalDate EARLIEST = LocalDate.of(1976, 1, 1);

    private static final LocalDate LATEST = LocalDate.of(2075, 12, 31);

    private static final String GS = "\u001D";

    private static final String INVISIBLE_MARKS = "\u200B\u200C\u200D\u2060\uFEFF\u200E\u200F\u061C\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";

    /**
     * GS1's character set 82 without the brackets, which cannot be told apart from the
     * bracketed form's.
     */
    private static final String GS1_TEXT = "!\"%&'*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    private static final String VALUE_TEXT = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_./#";

    private static final String[] AIM_PREFIXES = { "]C1", "]d2", "]Q3", "]e0" };

    private static final String[] FRAGMENTS = { "(01)", "(17)", "(10)", "01", "17", "10", "21", "240", "3102", "91",
            "0109506000134352", GS, "(", ")", "]C1", "]d2", "ING=", "CODE=", "LOT=", "EXP=", "=", ";", "\u061B", " ",
            "\u00A0", "\r\n", "\t", "\u0000", "\uFFFD", "😀", "\uD800", "<script>" };

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("arbitraryTextsUnderEachParser")
    void throwsNothingButLabelRefused(String raw, LabelParser parser) {
        Throwable thrown = catchThrowable(() -> ContainerLabels.parse(raw, parser, MID_2025));

        assertThat(thrown).as(escaped(raw))
            .satisfiesAnyOf(refusal -> assertThat(refusal).isNull(),
                    refusal -> assertThat(refusal).isInstanceOf(LabelRefused.class).hasMessageEndingWith("."));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("arbitraryTextsUnderEachParser")
    void acceptedLabelHasReadableCodeOfAtMostMaximumLength(String raw, LabelParser parser) {
        accepted(raw, parser).ifPresent(label -> assertThat(label.codeValue()).as(escaped(raw))
            .isNotBlank()
            .hasSizeLessThanOrEqualTo(ContainerLabels.MAX_INPUT_LENGTH)
            .doesNotContainPattern("[\\p{Cc}\\p{Cf}\\p{Cs}\\p{Co}\\p{Cn}]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gs1Labels")
    void gs1LabelRoundTripsInEveryForm(Gs1Label label) {
        ContainerLabel expected = label.expected(Optional.empty());

        assertThat(ContainerLabels.parse(label.bracketed(), LabelParser.GS1, MID_2025)).isEqualTo(expected);
        assertThat(ContainerLabels.parse(label.unbracketed(), LabelParser.GS1, MID_2025)).isEqualTo(expected);
        assertThat(ContainerLabels.parse(label.aimPrefix() + label.unbracketed(), LabelParser.GS1, MID_2025))
            .isEqualTo(label.expected(Optional.of(label.aimPrefix().substring(1))));
        // the bare GTIN, as ITF-14 or typed, and as EAN-13 when it starts with a zero
        assertThat(ContainerLabels.parse(label.gtin(), LabelParser.GS1, MID_2025).codeValue()).isEqualTo(label.gtin());
        assertThat(ContainerLabels.parse("]I1" + label.gtin(), LabelParser.GS1, MID_2025).codeValue())
            .isEqualTo(label.gtin());
        if (label.gtin().startsWith("0")) {
            assertThat(ContainerLabels.parse("]E0" + label.gtin().substring(1), LabelParser.GS1, MID_2025).codeValue())
                .isEqualTo(label.gtin());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyValueLabels")
    void keyValueLabelRoundTrips(String scan, ContainerLabel expected) {
        assertThat(ContainerLabels.parse(scan, LabelParser.KV, MID_2025)).as(escaped(scan)).isEqualTo(expected);
    }

    static Stream<Arguments> arbitraryTextsUnderEachParser() {
        return generated(20_250_615, ContainerLabelsProperties::arbitraryText)
            .flatMap(text -> Stream.of(LabelParser.values()).map(parser -> Arguments.of(text, parser)));
    }

    static Stream<Gs1Label> gs1Labels() {
        return generated(17,
                random -> new Gs1Label(gtin(random), text(GS1_TEXT, 20, random), expiry(random),
                        random.nextBoolean() ? Optional.of(text(GS1_TEXT, 20, random)) : Optional.empty(),
                        AIM_PREFIXES[random.nextInt(AIM_PREFIXES.length)], random.nextLong()));
    }

    /**
     * Keys in any case and order, padded with spaces, separated by ';' or '؛', the expiry
     * ISO or YYMMDD.
     */
    static Stream<Arguments> keyValueLabels() {
        return generated(42, random -> {
            String codeKey = List.of("ING", "CODE", "ID").get(random.nextInt(3));
            Map<String, String> pairs = new LinkedHashMap<>();
            pairs.put(codeKey, text(VALUE_TEXT, 30, random));
            pairs.put("LOT", text(VALUE_TEXT, 20, random));
            LocalDate expiry = date(random);
            pairs.put("EXP", random.nextBoolean() ? expiry.toString() : yymmdd(expiry));
            pairs.put("NOTE", text(VALUE_TEXT, 10, random));
            List<String> keys = new ArrayList<>(pairs.keySet());
            Collections.shuffle(keys, random);
            StringBuilder scan = new StringBuilder();
            for (String key : keys) {
                String spelled = random.nextBoolean() ? key : key.toLowerCase(Locale.ROOT);
                scan.append(padding(random))
                    .append(spelled)
                    .append(padding(random))
                    .append('=')
                    .append(padding(random))
                    .append(pairs.get(key))
                    .append(padding(random))
                    .append(random.nextBoolean() ? ';' : '\u061B');
            }
            ContainerLabel expected = new ContainerLabel(Optional.empty(), pairs.get(codeKey),
                    Optional.of(pairs.get("LOT")), Optional.of(expiry), Optional.empty(), pairs);
            return Arguments.of(scan.toString(), expected);
        });
    }

    /**
     * A GS1 label with a GTIN, a lot, an expiry (day 00 one time in five) and sometimes a
     * serial.
     */
    record Gs1Label(String gtin, String lot, String expiry, Optional<String> serial, String aimPrefix, long order) {

        /** The fields in a random order. */
        String bracketed() {
            List<String> elements = new ArrayList<>(List.of("(01)" + gtin, "(17)" + expiry, "(10)" + lot));
            serial.ifPresent(value -> elements.add("(21)" + value));
            Collections.shuffle(elements, new Random(order));
            return String.join("", elements);
        }

        /**
         * The fixed-length fields first, then the variable-length ones, each but the last
         * ended by GS.
         */
        String unbracketed() {
            return "01" + gtin + "17" + expiry + "10" + lot + serial.map(value -> GS + "21" + value).orElse("");
        }

        ContainerLabel expected(Optional<String> symbology) {
            Map<String, String> elements = new LinkedHashMap<>(Map.of("01", gtin, "17", expiry, "10", lot));
            serial.ifPresent(value -> elements.put("21", value));
            return new ContainerLabel(symbology, gtin, Optional.of(lot), Optional.of(expiryDate()), serial, elements);
        }

        private LocalDate expiryDate() {
            int yy = Integer.parseInt(expiry.substring(0, 2));
            YearMonth month = YearMonth.of(yy <= 75 ? 2000 + yy : 1900 + yy, Integer.parseInt(expiry.substring(2, 4)));
            int day = Integer.parseInt(expiry.substring(4));
            return day == 0 ? month.atEndOfMonth() : month.atDay(day);
        }
    }

    private static Optional<ContainerLabel> accepted(String raw, LabelParser parser) {
        try {
            return Optional.of(ContainerLabels.parse(raw, parser, MID_2025));
        }
        catch (LabelRefused refused) {
            return Optional.empty();
        }
    }

    private static <T> Stream<T> generated(long seed, Function<Random, T> generator) {
        Random random = new Random(seed);
        return Stream.generate(() -> generator.apply(random)).limit(TRIES);
    }

    /**
     * Mostly short text, sometimes long, mixing label syntax with controls, marks,
     * surrogates and any code point.
     */
    private static String arbitraryText(Random random) {
        int length = random.nextInt(10) == 0 ? random.nextInt(2_000) : random.nextInt(100);
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            switch (random.nextInt(7)) {
                case 0 -> text.append((char) random.nextInt(0x80));
                case 1 -> text.append((char) random.nextInt(Character.MAX_VALUE + 1));
                case 2 -> text.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
                case 3 -> text.append(oneOf(INVISIBLE_MARKS, random));
                case 4 -> text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                case 5 -> text.append(oneOf("0123456789", random));
                default -> text.append(oneOf(GS1_TEXT, random));
            }
        }
        return text.toString();
    }

    /**
     * Thirteen random digits and the GS1 check digit: weight 3 on every other digit,
     * starting from the left.
     */
    private static String gtin(Random random) {
        StringBuilder digits = new StringBuilder();
        int sum = 0;
        for (int position = 0; position < 13; position++) {
            int digit = random.nextInt(10);
            digits.append(digit);
            sum += position % 2 == 0 ? 3 * digit : digit;
        }
        return digits.append((10 - sum % 10) % 10).toString();
    }

    private static String expiry(Random random) {
        String date = yymmdd(date(random));
        return random.nextInt(5) == 0 ? date.substring(0, 4) + "00" : date;
    }

    private static LocalDate date(Random random) {
        return EARLIEST.plusDays(random.nextInt((int) (LATEST.toEpochDay() - EARLIEST.toEpochDay() + 1)));
    }

    private static String yymmdd(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("yyMMdd"));
    }

    private static String padding(Random random) {
        return " ".repeat(random.nextInt(3));
    }

    private static String text(String characters, int maxLength, Random random) {
        StringBuilder text = new StringBuilder();
        for (int length = 1 + random.nextInt(maxLength); length > 0; length--) {
            text.append(oneOf(characters, random));
        }
        return text.toString();
    }

    private static char oneOf(String characters, Random random) {
        return characters.charAt(random.nextInt(characters.length()));
    }

    private static String escaped(String text) {
        StringBuilder escaped = new StringBuilder("input: ");
        text.chars()
            .limit(200)
            .forEach(
                    c -> escaped.append(c >= ' ' && c < 0x7F ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return escaped.toString();
    }

}
