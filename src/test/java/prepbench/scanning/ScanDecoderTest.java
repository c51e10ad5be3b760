package prepbench.scanning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static prepbench.scanning.ScanDecoder.decode;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import prepbench.formulas.FormulaCode;
import prepbench.scanning.ScanResult.FormulaScan;
import prepbench.scanning.ScanResult.PreparationScan;
import prepbench.scanning.ScanResult.SampleScan;
import prepbench.scanning.ScanResult.Unrecognised;

class ScanDecoderTest {

    static final String ID = "3f2b8c1e-9d4a-4e6b-8a7c-1d2e3f4a5b6c";
    static final UUID PREPARATION = UUID.fromString(ID);
    static final FormulaScan PRM00936 = new FormulaScan(new FormulaCode("PRM00936"), Map.of());

    @Nested
    class Formulas {

        @ParameterizedTest
        @ValueSource(strings = { "PRM00936", "prm00936", "  PRM00936  ", "PRM٠٠٩٣٦", "prm۰۰۹۳۶" })
        void decodesBareFormulaCode(String scan) {
            assertThat(decode(scan)).isEqualTo(PRM00936);
        }

        @ParameterizedTest
        @ValueSource(strings = { "F:PRM00936", "f:prm00936", "F: PRM00936", "FORMULA:PRM00936", "Formula:PRM00936",
                "FORMULA-CODE-PRM00936", "formula-code-PRM00936" })
        void decodesFormulaPrefix(String scan) {
            assertThat(decode(scan)).isEqualTo(PRM00936);
        }

        @ParameterizedTest
        @ValueSource(strings = { "F=PRM00936", "f=PRM00936", "F = PRM00936", "F=PRM00936;" })
        void decodesFormulaKeyValue(String scan) {
            assertThat(decode(scan)).isEqualTo(PRM00936);
        }

        @Test
        void keepsOtherKeyValuesAsUpperCaseAttributes() {
            assertThat(decode("F=PRM00936;s=S-2024-17; n = Paracetamol 500 mg ; LOT=A1")).isEqualTo(new FormulaScan(
                    new FormulaCode("PRM00936"), Map.of("S", "S-2024-17", "N", "Paracetamol 500 mg", "LOT", "A1")));
        }

        @Test
        void findsFormulaKeyAnywhereAmongKeyValues() {
            assertThat(decode("S=17;F=PRM00936"))
                .isEqualTo(new FormulaScan(new FormulaCode("PRM00936"), Map.of("S", "17")));
        }

        @Test
        void toleratesCommaSeparatedKeyValues() {
            assertThat(decode("F=PRM00936, S=17"))
                .isEqualTo(new FormulaScan(new FormulaCode("PRM00936"), Map.of("S", "17")));
        }

        @Test
        void keepsCommasInValuesWhenSemicolonsSeparate() {
            assertThat(decode("F=PRM00936;N=Cream, 50 g"))
                .isEqualTo(new FormulaScan(new FormulaCode("PRM00936"), Map.of("N", "Cream, 50 g")));
        }

        @Test
        void answersUnmodifiableAttributes() {
            FormulaScan scan = assertThat(decode("F=PRM00936;S=17")).asInstanceOf(type(FormulaScan.class)).actual();

            assertThat(scan.attributes()).isUnmodifiable();
        }

        @ParameterizedTest
        @ValueSource(strings = { "https://bench.example/f/PRM00936", "http://bench.example/f/PRM00936",
                "HTTPS://BENCH.EXAMPLE/F/PRM00936", "https://bench.example/formulas/PRM00936",
                "https://bench.example:8443/prepbench/f/prm00936/", "https://bench.example/f/PRM00936?lang=de#top",
                "/f/PRM00936", "/formulas/PRM00936/", "https://bench.example/f/PRM%30%30936",
                "https://bench.example/formula-first?code=PRM00936", "/formula-first?lang=de&CODE=prm00936#x" })
        void decodesFormulaLink(String scan) {
            assertThat(decode(scan)).isEqualTo(PRM00936);
        }

    }

    @Nested
    class Preparations {

        @ParameterizedTest
        @ValueSource(strings = { ID, "3F2B8C1E-9D4A-4E6B-8A7C-1D2E3F4A5B6C", "P:" + ID, "p:" + ID, "P: " + ID,
                "PREP:" + ID, "prep:" + ID, "P=" + ID, "P=" + ID + ";S=17" })
        void decodesPreparationId(String scan) {
            assertThat(decode(scan)).isEqualTo(new PreparationScan(PREPARATION, Optional.empty()));
        }

        @ParameterizedTest
        @ValueSource(strings = { "https://bench.example/p/" + ID, "https://bench.example/preparations/" + ID + "/",
                "/p/" + ID, "/preparations/" + ID + "#steps", "https://bench.example/p/" + ID + "?lang=de" })
        void decodesPreparationLink(String scan) {
            assertThat(decode(scan)).isEqualTo(new PreparationScan(PREPARATION, Optional.empty()));
        }

        @Test
        void takesFallbackFormulaFromPreparationLink() {
            assertThat(decode("https://bench.example/p/" + ID + "?lang=de&f=prm00936#steps"))
                .isEqualTo(new PreparationScan(PREPARATION, Optional.of(new FormulaCode("PRM00936"))));
        }

        @Test
        void ignoresInvalidFallbackFormula() {
            assertThat(decode("/p/" + ID + "?f=%3Cscript%3E"))
                .isEqualTo(new PreparationScan(PREPARATION, Optional.empty()));
        }

        @ParameterizedTest
        @ValueSource(strings = { "P:42", "PREP:not-a-uuid", "P:", "P=12345", "/p/42", "https://x/preparations/abc",
                "P:3f2b8c1e9d4a4e6b8a7c1d2e3f4a5b6c", "P:1-2-3-4-5" })
        void refusesPreparationIdThatIsNoUuid(String scan) {
            assertThat(decode(scan)).isEqualTo(new Unrecognised(scan, ScanDecoder.INVALID_PREPARATION));
        }

    }

    @Nested
    class Samples {

        @ParameterizedTest
        @ValueSource(strings = { "S:S-2024/17_a.1", "s:S-2024/17_a.1", "SAMPLE:S-2024/17_a.1", "sample: S-2024/17_a.1",
                "https://bench.example/s/S-2024%2F17_a.1", "/s/S-2024%2F17_a.1/" })
        void decodesSample(String scan) {
            assertThat(decode(scan)).isEqualTo(new SampleScan("S-2024/17_a.1"));
        }

        @ParameterizedTest
        @ValueSource(strings = { "S:", "S:<b>", "S:two words", "/s/a%20b" })
        void refusesInvalidSampleCode(String scan) {
            assertThat(decode(scan)).isEqualTo(new Unrecognised(scan, ScanDecoder.INVALID_SAMPLE));
        }

        @Test
        void refusesSampleCodeLongerThan64() {
            assertThat(decode("S:" + "A".repeat(64))).isEqualTo(new SampleScan("A".repeat(64)));
            assertThat(decode("S:" + "A".repeat(65))).isInstanceOf(Unrecognised.class);
        }

    }

    @Nested
    class Normalisation {

        @Test
        void removesZeroWidthAndBidiMarks() {
            String marks = "\u200B\u200C\u200D\u2060\uFEFF\u200E\u200F\u061C\u202A\u202B\u202C\u202D\u202E"
                    + "\u2066\u2067\u2068\u2069";

            assertThat(ScanDecoder.normalise(marks + "F=PRM" + marks + "00936" + marks)).isEqualTo("F=PRM00936");
            assertThat(decode("\u200FF=\u200BPRM\u200D00936\u2069")).isEqualTo(PRM00936);
        }

        @Test
        void stripsSurroundingWhitespaceAndControlCharacters() {
            assertThat(ScanDecoder.normalise("\t \u0000 PRM00936\r\n\u00A0\u3000\u0085")).isEqualTo("PRM00936");
        }

        @Test
        void appliesNfkc() {
            assertThat(ScanDecoder.normalise("ＰＲＭ００９３６")).isEqualTo("PRM00936");
            assertThat(decode("Ｆ：ｐｒｍ００９３６")).isEqualTo(PRM00936);
        }

        @Test
        void mapsArabicSemicolon() {
            assertThat(ScanDecoder.normalise("F=PRM00936؛S=17")).isEqualTo("F=PRM00936;S=17");
            assertThat(decode("F=PRM00936؛S=17"))
                .isEqualTo(new FormulaScan(new FormulaCode("PRM00936"), Map.of("S", "17")));
        }

        @Test
        void mapsArabicComma() {
            assertThat(ScanDecoder.normalise("F=PRM00936،S=17")).isEqualTo("F=PRM00936,S=17");
            assertThat(decode("F=PRM00936،S=17"))
                .isEqualTo(new FormulaScan(new FormulaCode("PRM00936"), Map.of("S", "17")));
        }

        @ParameterizedTest
        @ValueSource(strings = { "]Q1PRM00936", "]C1PRM00936", "]d2PRM00936", "]Q1 PRM00936\r\n", " ]Q3PRM00936" })
        void dropsAimSymbologyIdentifier(String scan) {
            assertThat(ScanDecoder.normalise(scan)).isEqualTo("PRM00936");
            assertThat(decode(scan)).isEqualTo(PRM00936);
        }

        @Test
        void keepsBracketThatIsNoSymbologyIdentifier() {
            assertThat(ScanDecoder.normalise("]Q")).isEqualTo("]Q");
        }

        @Test
        void normalisesNullToEmpty() {
            assertThat(ScanDecoder.normalise(null)).isEmpty();
        }

    }

    @Nested
    class Refusals {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = { "   ", "\r\n", "\t", "\u200B\u200E", "]Q1", "]C1 \r\n" })
        void refusesEmptyInput(String scan) {
            assertThat(decode(scan)).isEqualTo(new Unrecognised("", ScanDecoder.NOTHING_SCANNED));
        }

        @Test
        void refusesOverlongInput() {
            Unrecognised refusal = refusalOf("A".repeat(5_000));

            assertThat(refusal.reason()).isEqualTo(ScanDecoder.TOO_LONG.english()).contains("too long");
            assertThat(refusal.input()).isEqualTo("A".repeat(80) + "…");
        }

        @Test
        void acceptsInputOfMaximumLengthButNoLonger() {
            String longest = "S=" + "A".repeat(ScanDecoder.MAX_INPUT_LENGTH - 2);

            assertThat(decode(longest))
                .isEqualTo(new Unrecognised(longest.substring(0, 80) + "…", ScanDecoder.NO_FORMULA));
            assertThat(refusalOf(longest + "A").text()).isEqualTo(ScanDecoder.TOO_LONG);
        }

        @Test
        void measuresLengthAfterNormalisation() {
            assertThat(decode("\u200B".repeat(1_000) + "PRM00936" + " ".repeat(1_000))).isEqualTo(PRM00936);
        }

        @ParameterizedTest
        @ValueSource(strings = { "PRM\u000000936", "F=PRM00936\nS=17", "\u0001\u0002\u0003\u00ff\u0004PK",
                "PRM\uFFFD00936", "PRM\uD800", "F=PRM00936;N=\uE000", "PRM\u00AD00936", "PRM\u2028X" })
        void refusesUnreadableCharacters(String scan) {
            assertThat(refusalOf(scan).text()).isEqualTo(ScanDecoder.NOT_READABLE);
        }

        @Test
        void replacesUnreadableCharactersInEchoedInput() {
            assertThat(refusalOf("PRM\u000000936").input()).isEqualTo("PRM\uFFFD00936");
        }

        @Test
        void doesNotSplitSurrogatePairWhenCuttingEchoedInput() {
            String scan = "A".repeat(79) + "😀".repeat(300);

            assertThat(refusalOf(scan).input()).isEqualTo("A".repeat(79) + "…");
        }

        @ParameterizedTest
        @ValueSource(strings = { "<script>alert(1)</script>", "' OR 1=1 --", "PRM00936; DROP TABLE formulas",
                "hello world", "ftp://bench.example/f/PRM00936", "urn:uuid:" + ID, "-PRM00936",
                "A23456789012345678901234567890123", "https:/f/PRM00936" })
        void refusesOtherText(String scan) {
            assertThat(decode(scan)).isEqualTo(new Unrecognised(scan, ScanDecoder.UNRECOGNISED));
        }

        @ParameterizedTest
        @ValueSource(strings = { "F=<script>", "F:<script>alert(1)</script>", "FORMULA:PRM 00936", "F=PRM00936'--",
                "/f/%3Cb%3E", "https://x/f/PRM%ZZ", "F=A23456789012345678901234567890123" })
        void refusesInvalidFormulaCode(String scan) {
            assertThat(decode(scan)).isEqualTo(new Unrecognised(scan, ScanDecoder.INVALID_FORMULA));
        }

        @ParameterizedTest
        @ValueSource(strings = { "F=", "F:", "FORMULA:", "FORMULA-CODE-", "F=;S=17", "/formula-first", "/f/%20" })
        void refusesMissingFormulaCode(String scan) {
            assertThat(decode(scan)).isEqualTo(new Unrecognised(scan, ScanDecoder.MISSING_FORMULA));
        }

        @ParameterizedTest
        @ValueSource(strings = { "S=17;N=Cream", "N=Cream", "X=1" })
        void refusesKeyValuesWithoutFormula(String scan) {
            assertThat(decode(scan)).isEqualTo(new Unrecognised(scan, ScanDecoder.NO_FORMULA));
        }

        @ParameterizedTest
        @ValueSource(strings = { "F=PRM00936;garbage", "F=PRM00936;F=PRM00937", "F=PRM00936;f=PRM00936",
                "F=PRM00936;=17", "F=PRM00936;1=2" })
        void refusesDamagedKeyValues(String scan) {
            assertThat(decode(scan)).isEqualTo(new Unrecognised(scan, ScanDecoder.DAMAGED_KEY_VALUES));
        }

        @ParameterizedTest
        @ValueSource(strings = { "https://bench.example/", "https://bench.example", "/", "/admin",
                "https://bench.example/x/PRM00936", "https://bench.example/f", "/formulas?code=PRM00936",
                "https://bench.example/?f=PRM00936" })
        void refusesLinkToUnknownPath(String scan) {
            assertThat(decode(scan)).isEqualTo(new Unrecognised(scan, ScanDecoder.UNKNOWN_LINK));
        }

        @Test
        void echoesNormalisedInput() {
            assertThat(decode(" \u200B<b>hi</b>\r\n"))
                .isEqualTo(new Unrecognised("<b>hi</b>", ScanDecoder.UNRECOGNISED));
        }

    }

    private static Unrecognised refusalOf(String scan) {
        return assertThat(decode(scan)).asInstanceOf(type(Unrecognised.class)).actual();
    }

}
