package prepbench.scanning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static prepbench.scanning.ScanDecoder.decode;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import prepbench.formulas.FormulaCode;
import prepbench.scanning.ScanResult.FormulaScan;
import prepbench.scanning.ScanResult.PreparationScan;
import prepbench.scanning.ScanResult.Unrecognised;

/**
 * Properties over generated input. Plain JUnit with a fixed seed, so a failure names its
 * case and reproduces on every run.
 */
class ScanDecoderProperties {

    private static final int TRIES = 1_000;

    private static final String INVISIBLE_MARKS = "\u200B\u200C\u200D\u2060\uFEFF\u200E\u200F\u061C\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";

    private static final String[] FRAGMENTS = { "F=", "F:", "FORMULA:", "FORMULA-CODE-", "P:", "PREP:", "S:", "SAMPLE:",
            "P=", ";", ",", "=", "\u061B", "\u060C", "]Q1", "https://x/f/", "/p/", "/s/", "?f=", "%", "%2F", "#", " ",
            "\u00A0", "\r\n", "\t", "\u0000", "\uFFFD", "😀" };

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("arbitraryTexts")
    void neverThrowsAndAlwaysAnswers(String raw) {
        assertThatCode(() -> assertThat(decode(raw)).isNotNull()).as(escaped(raw)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("arbitraryTexts")
    void echoesAtMost81Characters(String raw) {
        if (decode(raw) instanceof Unrecognised refusal) {
            assertThat(refusal.input()).as(escaped(raw)).hasSizeLessThanOrEqualTo(81);
        }
    }

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("arbitraryTexts")
    void normalisedInputHasNoInvisibleMarksNorPadding(String raw) {
        String normalised = ScanDecoder.normalise(raw);

        assertThat(normalised.chars()).as(escaped(raw)).noneMatch(c -> INVISIBLE_MARKS.indexOf(c) >= 0);
        if (!normalised.isEmpty()) {
            assertThat(List.of(normalised.charAt(0), normalised.charAt(normalised.length() - 1))).as(escaped(raw))
                .noneMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formulaCodes")
    void formulaCodeRoundTripsInEveryForm(String code) {
        FormulaScan expected = new FormulaScan(FormulaCode.of(code), Map.of());

        assertThat(decode("F=" + code)).isEqualTo(expected);
        assertThat(decode("FORMULA:" + code)).isEqualTo(expected);
        assertThat(decode("https://x/f/" + code)).isEqualTo(expected);
        assertThat(decode(code)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formulaScansWithInvisibleMarks")
    void formulaCodeSurvivesInvisibleMarks(String scan, FormulaCode code) {
        assertThat(decode(scan)).as(escaped(scan)).isEqualTo(new FormulaScan(code, Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uuids")
    void preparationIdRoundTripsBareAndPrefixed(UUID id) {
        PreparationScan expected = new PreparationScan(id, Optional.empty());

        assertThat(decode(id.toString())).isEqualTo(expected);
        assertThat(decode(id.toString().toUpperCase(Locale.ROOT))).isEqualTo(expected);
        assertThat(decode("P:" + id)).isEqualTo(expected);
    }

    static Stream<String> arbitraryTexts() {
        return generated(20_240_611, ScanDecoderProperties::arbitraryText);
    }

    static Stream<String> formulaCodes() {
        return generated(936, ScanDecoderProperties::formulaCode);
    }

    static Stream<Object[]> formulaScansWithInvisibleMarks() {
        String[] forms = { "F=", "FORMULA:", "https://x/f/", "" };
        return generated(200, random -> {
            String code = formulaCode(random);
            String scan = forms[random.nextInt(forms.length)] + code;
            return new Object[] { withInvisibleMarks(scan, random), FormulaCode.of(code) };
        });
    }

    static Stream<UUID> uuids() {
        return generated(4, random -> new UUID(random.nextLong(), random.nextLong()));
    }

    private static <T> Stream<T> generated(long seed, Function<Random, T> generator) {
        Random random = new Random(seed);
        return Stream.generate(() -> generator.apply(random)).limit(TRIES);
    }

    /**
     * Mostly short text, sometimes long, mixing scan syntax with controls, marks,
     * surrogates and any code point.
     */
    private static String arbitraryText(Random random) {
        int length = random.nextInt(10) == 0 ? random.nextInt(2_000) : random.nextInt(100);
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            switch (random.nextInt(6)) {
                case 0 -> text.append((char) random.nextInt(0x80));
                case 1 -> text.append((char) random.nextInt(Character.MAX_VALUE + 1));
                case 2 -> text.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
                case 3 -> text.append(oneOf(INVISIBLE_MARKS, random));
                case 4 -> text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                default -> text.append(oneOf("ABCXYZabc0189-_./", random));
            }
        }
        return text.toString();
    }

    private static String formulaCode(Random random) {
        String alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder code = new StringBuilder().append(oneOf(alphanumeric, random));
        for (int rest = random.nextInt(FormulaCode.MAX_LENGTH); rest > 0; rest--) {
            code.append(oneOf(alphanumeric + "._-", random));
        }
        return code.toString();
    }

    private static String withInvisibleMarks(String scan, Random random) {
        StringBuilder marked = new StringBuilder(scan);
        for (int marks = 1 + random.nextInt(8); marks > 0; marks--) {
            marked.insert(random.nextInt(marked.length() + 1), oneOf(INVISIBLE_MARKS, random));
        }
        return marked.toString();
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
