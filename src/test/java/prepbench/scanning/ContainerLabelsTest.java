package prepbench.scanning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static prepbench.scanning.LabelParser.GS1;
import static prepbench.scanning.LabelParser.KV;
import static prepbench.scanning.LabelParser.PLAIN;
import static prepbench.scanning.LabelRefused.Reason.BAD_CHECK_DIGIT;
import static prepbench.scanning.LabelRefused.Reason.BAD_DATE;
import static prepbench.scanning.LabelRefused.Reason.EMPTY;
import static prepbench.scanning.LabelRefused.Reason.MALFORMED_GS1;
import static prepbench.scanning.LabelRefused.Reason.MALFORMED_KV;
import static prepbench.scanning.LabelRefused.Reason.NO_CODE;
import static prepbench.scanning.LabelRefused.Reason.TOO_LONG;
import static prepbench.scanning.LabelRefused.Reason.UNREADABLE;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ContainerLabelsTest {

    static final Clock MID_2025 = Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC);
    static final String GTIN = "09506000134352";
    static final char GS = '\u001D';
    static final ContainerLabel GTIN_LOT_EXPIRY = new ContainerLabel(Optional.empty(), GTIN, Optional.of("LOT42"),
            Optional.of(LocalDate.of(2026, 12, 31)), Optional.empty(),
            Map.of("01", GTIN, "17", "261231", "10", "LOT42"));

    @Nested
    class Gs1 {

        @ParameterizedTest
        @ValueSource(strings = { "(01)09506000134352(17)261231(10)LOT42", "(10)LOT42(01)09506000134352(17)261231",
                "(01) 09506000134352 (17) 261231 (10) LOT42", "（０１）０９５０６０００１３４３５２（１７）２６１２３１（１０）ＬＯＴ４２",
                "(٠١)٠٩٥٠٦٠٠٠١٣٤٣٥٢(١٧)٢٦١٢٣١(١٠)LOT٤٢", "(۰۱)۰۹۵۰۶۰۰۰۱۳۴۳۵۲(۱۷)۲۶۱۲۳۱(۱۰)LOT۴۲" })
        void readsBracketedElementString(String scan) {
            assertThat(parse(scan, GS1)).isEqualTo(GTIN_LOT_EXPIRY);
        }

        @ParameterizedTest
        @ValueSource(strings = { "01095060001343521726123110LOT42", "0109506000134352\u001D17261231\u001D10LOT42",
                "0109506000134352" + "10LOT42\u001D17261231", "\u001D01095060001343521726123110LOT42\u001D",
                "10LOT42\u001D\u001D0109506000134352" + "17261231" })
        void readsUnbracketedElementStringWithOrWithoutSeparators(String scan) {
            assertThat(parse(scan, GS1)).isEqualTo(GTIN_LOT_EXPIRY);
        }

        @ParameterizedTest
        @CsvSource({ "]C1, C1", "]d2, d2", "]Q3, Q3", "]e0, e0" })
        void reportsAimSymbologyIdentifierBeforeGs1Data(String prefix, String symbology) {
            ContainerLabel expected = new ContainerLabel(Optional.of(symbology), GTIN, Optional.of("LOT42"),
                    GTIN_LOT_EXPIRY.expiry(), Optional.empty(), GTIN_LOT_EXPIRY.elements());

            assertThat(parse(prefix + "01095060001343521726123110LOT42", GS1)).isEqualTo(expected);
            assertThat(parse(prefix + GS + "0109506000134352" + "10LOT42" + GS + "17261231\r\n", GS1))
                .isEqualTo(expected);
            assertThat(parse(prefix + "(01)09506000134352(17)261231(10)LOT42", GS1)).isEqualTo(expected);
        }

        @Test
        void readsSerialAndKeepsEveryFieldInLabelOrder() {
            ContainerLabel label = parse("0104012345123456" + "11250101" + "13250102" + "15270101" + "3102001250"
                    + "21SN-7/8" + GS + "240ADD.1" + GS + "241PART-9" + GS + "3712" + GS + "400PO(1)" + GS
                    + "91INTERNAL" + GS + "99X", GS1);

            assertThat(label.codeValue()).isEqualTo("04012345123456");
            assertThat(label.serial()).contains("SN-7/8");
            assertThat(label.lot()).isEmpty();
            assertThat(label.expiry()).isEmpty();
            assertThat(label.elements()).containsExactly(Map.entry("01", "04012345123456"), Map.entry("11", "250101"),
                    Map.entry("13", "250102"), Map.entry("15", "270101"), Map.entry("3102", "001250"),
                    Map.entry("21", "SN-7/8"), Map.entry("240", "ADD.1"), Map.entry("241", "PART-9"),
                    Map.entry("37", "12"), Map.entry("400", "PO(1)"), Map.entry("91", "INTERNAL"),
                    Map.entry("99", "X"));
        }

        @ParameterizedTest
        @ValueSource(strings = { "(00)106141411234567897(10)A1", "91ABC", "(02)04012345123456(37)12", "240ADD-1" })
        void refusesALabelWithoutGtinAsUnreadableNotAsAnotherCode(String scan) {
            LabelRefused refusal = refusalOf(scan, GS1);
            assertThat(refusal.reason()).isEqualTo(NO_CODE);
            assertThat(refusal.getMessage()).startsWith("No GTIN on this label");
        }

        @ParameterizedTest
        @CsvSource({ "09506000134352, 09506000134352, ", "]E09506000134352, 09506000134352, E0",
                "9506000134352, 09506000134352, ", "]I109506000134352, 09506000134352, I1",
                "]E496385074, 00000096385074, E4", "036000291452, 00036000291452, ",
                "]E00036000291452, 00036000291452, E0" })
        void readsTheBareGtinAsEanUpcAndItfCarryIt(String scan, String gtin, String symbology) {
            ContainerLabel label = parse(scan, GS1);

            assertThat(label.codeValue()).isEqualTo(gtin);
            assertThat(label.symbology()).isEqualTo(Optional.ofNullable(symbology));
            assertThat(label.lot()).isEmpty();
            assertThat(label.expiry()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = { "09506000134353", "9506000134353", "]C109506000134352", "12345678901" })
        void aBareNumberThatIsNoGtinIsNotTakenForOne(String scan) {
            assertThatThrownBy(() -> parse(scan, GS1)).isInstanceOf(LabelRefused.class);
        }

        @ParameterizedTest
        @CsvSource({ "260200, 2026-02-28", "240200, 2024-02-29", "261100, 2026-11-30", "261200, 2026-12-31",
                "260131, 2026-01-31", "280229, 2028-02-29" })
        void readsExpiryWithDayZeroAsLastDayOfMonth(String yymmdd, LocalDate expiry) {
            assertThat(parse("(01)" + GTIN + "(17)" + yymmdd, GS1).expiry()).contains(expiry);
        }

        @ParameterizedTest
        @CsvSource({ "2025, 751231, 2075-12-31", "2025, 760101, 1976-01-01", "2025, 000229, 2000-02-29",
                "2080, 300101, 2130-01-01", "2080, 310101, 2031-01-01", "2000, 500101, 2050-01-01",
                "2000, 510101, 1951-01-01" })
        void placesTwoDigitYearInGs1SlidingCentury(int currentYear, String yymmdd, LocalDate expiry) {
            Clock clock = Clock.fixed(Instant.parse(currentYear + "-06-15T12:00:00Z"), ZoneOffset.UTC);

            assertThat(ContainerLabels.parse("(01)" + GTIN + "(17)" + yymmdd, GS1, clock).expiry()).contains(expiry);
        }

        @Test
        void readsWithSystemClock() {
            assertThat(ContainerLabels.parse("(01)09506000134352(17)261231(10)LOT42", GS1)).isEqualTo(GTIN_LOT_EXPIRY);
        }

        @ParameterizedTest
        @ValueSource(strings = { "(01)09506000134353", "0109506000134350", "(02)04012345123457",
                "(00)106141411234567898", "(10)LOT42(01)19506000134352" })
        void refusesWrongCheckDigit(String scan) {
            LabelRefused refusal = refusalOf(scan, GS1);

            assertThat(refusal.reason()).isEqualTo(BAD_CHECK_DIGIT);
            assertThat(refusal.getMessage()).contains("check digit", "misprinted");
        }

        @ParameterizedTest
        @ValueSource(strings = { "(17)261301", "(17)260001", "(17)260230", "(17)250229", "(17)260431", "(17)261232",
                "(11)269901", "(15)260000" })
        void refusesImpossibleDate(String date) {
            LabelRefused refusal = refusalOf("(01)" + GTIN + date, GS1);

            assertThat(refusal.reason()).isEqualTo(BAD_DATE);
            assertThat(refusal.getMessage()).contains(date.substring(0, 4));
        }

        @ParameterizedTest
        @CsvSource({ "(01)09506000134352(20)12, (20)", "0109506000134352" + "2012, (20)", "(999)1, (999)",
                "(01)09506000134352(7003)2612311200, (7003)", "25012, (25)" })
        void refusesUnknownApplicationIdentifierNamingIt(String scan, String ai) {
            LabelRefused refusal = refusalOf(scan, GS1);

            assertThat(refusal.reason()).isEqualTo(MALFORMED_GS1);
            assertThat(refusal.getMessage()).contains(ai, "does not read");
        }

        @ParameterizedTest
        @CsvSource({ "(01)0950600013435, (01), exactly 14 digits", "010950600013435, (01), exactly 14 digits",
                "0109506000134352" + "172612, (17), exactly 6 digits", "(17)2612311, (17), exactly 6 digits",
                "(01)09506000134352(10)ABCDEFGHIJKLMNOPQRSTU, (10), 1 to 20", "(01)09506000134352(10), (10), 1 to 20",
                "(01)09506000134352(10)LOT 42, (10), 1 to 20", "(01)0950600013435A, (01), exactly 14 digits",
                "(01)09506000134352(37)123456789, (37), 1 to 8 digits", "(01)٠٩٥٠٦٠٠٠١٣٤٣٥, (01), exactly 14 digits" })
        void refusesTruncatedOverlongOrBadlyFilledField(String scan, String ai, String rule) {
            LabelRefused refusal = refusalOf(scan, GS1);

            assertThat(refusal.reason()).isEqualTo(MALFORMED_GS1);
            assertThat(refusal.getMessage()).contains(ai, rule);
        }

        @ParameterizedTest
        @ValueSource(strings = { "(01)09506000134352(10)A(10)B", "(01)09506000134352(01)09506000134352" })
        void refusesRepeatedField(String scan) {
            assertThat(refusalOf(scan, GS1).getMessage()).contains("appears twice");
        }

        @ParameterizedTest
        @ValueSource(strings = { "LOT42", "ETH-96", "(AB)12", "(01)09506000134352(1)2", "0109506000134352LOT42",
                "<script>alert(1)</script>", "' OR 1=1 --", "ING=ETH-96;LOT=A42" })
        void refusesTextThatIsNoGs1ElementString(String scan) {
            LabelRefused refusal = refusalOf(scan, GS1);

            assertThat(refusal.reason()).isEqualTo(MALFORMED_GS1);
            assertThat(refusal.getMessage()).isEqualTo(
                    "This label is not a GS1 code: " + "scan the container's GS1 barcode (it starts with (01) or 01).");
        }

        @ParameterizedTest
        @ValueSource(strings = { "(10)LOT42(17)261231", "21SN7", "(3102)001250(37)5" })
        void refusesLabelWithoutProductCode(String scan) {
            assertThat(refusalOf(scan, GS1).reason()).isEqualTo(NO_CODE);
        }

    }

    @Nested
    class KeyValues {

        @Test
        void readsCodeLotAndExpiry() {
            assertThat(parse("ING=ETH-96;LOT=A42;EXP=2026-12-31", KV)).isEqualTo(new ContainerLabel(Optional.empty(),
                    "ETH-96", Optional.of("A42"), Optional.of(LocalDate.of(2026, 12, 31)), Optional.empty(),
                    Map.of("ING", "ETH-96", "LOT", "A42", "EXP", "2026-12-31")));
        }

        @Test
        void trimsPartsAndReadsKeysInAnyCase() {
            ContainerLabel label = parse("]Q1 ing = ETH 96 ; Lot= A42 ;exp=260200;note=a=b;", KV);

            assertThat(label.symbology()).contains("Q1");
            assertThat(label.codeValue()).isEqualTo("ETH 96");
            assertThat(label.lot()).contains("A42");
            assertThat(label.expiry()).contains(LocalDate.of(2026, 2, 28));
            assertThat(label.elements()).containsExactly(Map.entry("ING", "ETH 96"), Map.entry("LOT", "A42"),
                    Map.entry("EXP", "260200"), Map.entry("NOTE", "a=b"));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = { "ID=X;CODE=Y;ING=Z | Z", "ID=X;CODE=Y | Y", "ID=X | X", "ING=;CODE=Y | Y",
                "code=Y;;LOT=1 | Y" })
        void takesCodeFromIngThenCodeThenId(String scan, String code) {
            assertThat(parse(scan, KV).codeValue()).isEqualTo(code);
        }

        @Test
        void mapsArabicSemicolon() {
            assertThat(parse("ING=ETH-96؛LOT=A42", KV).lot()).contains("A42");
        }

        @Test
        void treatsEmptyLotAndExpiryAsAbsent() {
            ContainerLabel label = parse("ING=ETH-96;LOT=;EXP=", KV);

            assertThat(label.lot()).isEmpty();
            assertThat(label.expiry()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = { "ING=X;garbage", "ING=X;ING=Y", "ING=X;ing=Y", "=X", "ING=X;1=2", "ING=X;LOT A42",
                "'; DROP TABLE ingredients; --", "BER-001;LOT" })
        void refusesMalformedParts(String scan) {
            LabelRefused refusal = refusalOf(scan, KV);

            assertThat(refusal.reason()).isEqualTo(MALFORMED_KV);
            assertThat(refusal.getMessage()).contains("KEY=VALUE");
        }

        @ParameterizedTest
        @ValueSource(strings = { "BER-001", " BER-001 ", "]C0BER-001" })
        void readsTheBareCodeValueWithoutLotOrExpiry(String scan) {
            ContainerLabel label = parse(scan, KV);

            assertThat(label.codeValue()).isEqualTo("BER-001");
            assertThat(label.lot()).isEmpty();
            assertThat(label.expiry()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = { "LOT=A42;EXP=2026-12-31", "ING=", "ING=;CODE=;ID=", "F=PRM00936" })
        void refusesLabelWithoutIngredientCode(String scan) {
            assertThat(refusalOf(scan, KV).reason()).isEqualTo(NO_CODE);
        }

        @ParameterizedTest
        @ValueSource(strings = { "2026-02-30", "2026-13-01", "31/12/2026", "261301", "2026-1-1", "tomorrow" })
        void refusesImpossibleExpiry(String expiry) {
            LabelRefused refusal = refusalOf("ING=ETH-96;EXP=" + expiry, KV);

            assertThat(refusal.reason()).isEqualTo(BAD_DATE);
            assertThat(refusal.getMessage()).contains("EXP");
        }

        @Test
        void acceptsTextThatLooksLikeHtmlOrSqlAsValue() {
            assertThat(parse("ING=<b>x</b>;LOT=' OR 1=1 --", KV).lot()).contains("' OR 1=1 --");
        }

    }

    @Nested
    class Plain {

        @Test
        void takesWholeNormalisedTextAsCode() {
            assertThat(parse(" \t\u200BETH\u200D-96\uFEFF\u2069\r\n", PLAIN)).isEqualTo(new ContainerLabel(
                    Optional.empty(), "ETH-96", Optional.empty(), Optional.empty(), Optional.empty(), Map.of()));
        }

        @Test
        void appliesNfkc() {
            assertThat(parse("ＥＴＨ－９６", PLAIN).codeValue()).isEqualTo("ETH-96");
        }

        @Test
        void reportsAimSymbologyIdentifier() {
            ContainerLabel label = parse("]E09506000134352", PLAIN);

            assertThat(label.symbology()).contains("E0");
            assertThat(label.codeValue()).isEqualTo("9506000134352");
        }

        @Test
        void keepsBracketThatIsNoSymbologyIdentifier() {
            assertThat(parse("]Q", PLAIN).codeValue()).isEqualTo("]Q");
        }

        @ParameterizedTest
        @ValueSource(strings = { "<script>alert(1)</script>", "'; DROP TABLE ingredients; --", "ING=ETH-96;LOT=1",
                "(01)09506000134352" })
        void takesAnyReadableTextAsIs(String scan) {
            assertThat(parse(scan, PLAIN).codeValue()).isEqualTo(scan);
        }

    }

    @Nested
    class Refusals {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = { "   ", "\r\n", "\u200B\u200E", "]C1", "]d2 \r\n", "]C1\u001D" })
        void refusesEmptyScanUnderEveryParser(String scan) {
            for (LabelParser parser : LabelParser.values()) {
                assertThat(refusalOf(scan, parser).reason()).isEqualTo(EMPTY);
            }
        }

        @ParameterizedTest
        @EnumSource(LabelParser.class)
        void refusesOverlongScan(LabelParser parser) {
            LabelRefused refusal = refusalOf("0".repeat(5_000), parser);

            assertThat(refusal.reason()).isEqualTo(TOO_LONG);
            assertThat(refusal.getMessage()).contains("more than 512 characters");
        }

        @Test
        void acceptsScanOfMaximumLengthButNoLonger() {
            String longest = "A".repeat(ContainerLabels.MAX_INPUT_LENGTH);

            assertThat(parse("\u200B".repeat(600) + longest + " ".repeat(600), PLAIN).codeValue()).isEqualTo(longest);
            assertThat(refusalOf(longest + "A", PLAIN).reason()).isEqualTo(TOO_LONG);
        }

        @ParameterizedTest
        @ValueSource(strings = { "\u0000\u0001\u0002PK\u0003\u0004\u00ff", "ETH\u000796", "ETH-96\uD800", "ETH\uFFFD96",
                "ETH\uE00096", "ETH\u00AD96", "ETH\u2028X", "ING=A\nLOT=B", "(01)09506000134352\u0000" })
        void refusesUnreadableCharactersUnderEveryParser(String scan) {
            for (LabelParser parser : LabelParser.values()) {
                assertThat(refusalOf(scan, parser).reason()).isEqualTo(UNREADABLE);
            }
        }

        @ParameterizedTest
        @EnumSource(value = LabelParser.class, names = { "PLAIN", "KV" })
        void refusesGroupSeparatorOutsideGs1(LabelParser parser) {
            assertThat(refusalOf("ING=ETH\u001D96", parser).reason()).isEqualTo(UNREADABLE);
        }

        @ParameterizedTest
        @EnumSource(value = LabelParser.class, names = { "GS1", "KV" })
        void neverEchoesScannedTextInMessage(LabelParser parser) {
            String scan = "<img src=x onerror=alert(1)>";

            assertThat(refusalOf(scan, parser).getMessage()).doesNotContain(scan).doesNotContain("img");
        }

    }

    @Nested
    class Parsers {

        @ParameterizedTest
        @CsvSource({ "plain, PLAIN", "PLAIN, PLAIN", "gs1, GS1", "Gs1, GS1", "kv, KV", "KV, KV" })
        void findsParserByCodeInAnyCase(String code, LabelParser parser) {
            assertThat(LabelParser.fromCode(code)).contains(parser);
            assertThat(parser.code()).isEqualToIgnoringCase(code);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = { "gs-1", "key-value", " kv" })
        void findsNoParserForOtherCodes(String code) {
            assertThat(LabelParser.fromCode(code)).isEmpty();
        }

    }

    @Test
    void copiesElementsIntoUnmodifiableMap() {
        Map<String, String> elements = new LinkedHashMap<>(Map.of("ING", "ETH-96"));
        ContainerLabel label = new ContainerLabel(Optional.empty(), "ETH-96", Optional.empty(), Optional.empty(),
                Optional.empty(), elements);
        elements.put("LOT", "A42");

        assertThat(label.elements()).isUnmodifiable().containsExactly(Map.entry("ING", "ETH-96"));
    }

    static ContainerLabel parse(String scan, LabelParser parser) {
        return ContainerLabels.parse(scan, parser, MID_2025);
    }

    static LabelRefused refusalOf(String scan, LabelParser parser) {
        return assertThatExceptionOfType(LabelRefused.class).isThrownBy(() -> parse(scan, parser)).actual();
    }

}
