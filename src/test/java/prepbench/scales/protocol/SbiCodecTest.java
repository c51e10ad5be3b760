package prepbench.scales.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static prepbench.scales.protocol.TestReadings.AT;
import static prepbench.scales.protocol.TestReadings.capturable;
import static prepbench.scales.protocol.TestReadings.error;
import static prepbench.scales.protocol.TestReadings.expected;
import static prepbench.scales.protocol.TestReadings.overload;
import static prepbench.scales.protocol.TestReadings.reading;
import static prepbench.scales.protocol.TestReadings.stable;
import static prepbench.scales.protocol.TestReadings.underload;
import static prepbench.scales.protocol.TestReadings.unstable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import prepbench.scales.Reading;

class SbiCodecTest {

    private final BalanceCodec codec = new SbiCodec();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            '+    123.456 g'       | ok        | 123.456
            '-      0.002 g'       | ok        | -0.002
            '+    123.4'           | unstable  | 123.4
            'N     +    123.456 g' | ok        | 123.456
            """)
    void readsTheReadmeLines(String line, String state, String grams) {
        assertThat(reading(codec.decode(line, AT))).isEqualTo(expected(state, grams));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            '+  123.456 g  '       | ok        | 123.456
            '       0.002 g  '     | ok        | 0.002
            '+   1.2345 kg '       | ok        | 1234.5
            '+   123456 mg '       | ok        | 123.456
            '-      0.5    '       | unstable  | -0.5
            'G#    +     12.345 g' | ok        | 12.345
            'G     -     12.345 g' | ok        | -12.345
            '      H       '       | overload  |
            'High'                 | overload  |
            'Stat            High' | overload  |
            '      L       '       | underload |
            'Stat            Low'  | underload |
            """)
    void readsMoreLines(String line, String state, String grams) {
        assertThat(reading(codec.decode(line, AT))).isEqualTo(expected(state, grams));
    }

    @Test
    void aLineWithoutUnitIsUnstableAndSaysItPrintedNone() {
        assertThat(codec.decode("+    123.4", AT)).isEqualTo(new Decoded.Weight(unstable("123.4"), ""));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Stat", "Stat     Cal. Ext.", "              ", "T     +     12.000 g",
            "Qnt   +       235 pcs", "+    123.456 lb", "+    123.456 ct", "+    123.456 G", "      C       " })
    void linesWithoutAWeightInGramsAreNoReading(String line) {
        assertThat(codec.decode(line, AT)).isInstanceOf(Decoded.NotAWeight.class);
    }

    @Test
    void aUnitSwitchedDuringWeighingIsNeverReadAsGrams() {
        assertThat(capturable(codec.decode("+     20.000 g  ", AT))).isTrue();
        assertThat(capturable(codec.decode("+   0.0441", AT))).isFalse();
        assertThat(codec.decode("+   0.0441 lb ", AT))
            .isEqualTo(new Decoded.NotAWeight("unit lb is not grams: switch the balance to g"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            'Err 101'          | the balance reports Err 101
            '   Err 02    '    | the balance reports Err 02
            'Stat     ERR 101' | the balance reports ERR 101
            'Stat     APP.ERR' | the balance reports APP.ERR
            """)
    void readsErrors(String line, String detail) {
        assertThat(codec.decode(line, AT)).isEqualTo(new Decoded.Failure(detail));
    }

    @ParameterizedTest
    @ValueSource(strings = { "+", "+    12 3.4 g", "+    123.4 g g", "+ 1,5 g", "+    123.456 g\u0000",
            "\u001B+    123.456 g", "+    123.456 g+    123.456 g", "N     +    123.456 g     x", "Err", "Err 1234",
            "+  123.5[6] g" })
    void anythingElseIsAFailure(String line) {
        assertThat(codec.decode(line, AT)).isInstanceOf(Decoded.Failure.class);
    }

    @Test
    void sendsTheSbiCommands() {
        assertThat(codec.pollCommand()).containsExactly(0x1B, 'P');
        assertThat(codec.continuousCommand()).isNull();
        assertThat(codec.zeroCommand()).containsExactly(0x1B, 'T');
        assertThat(codec.tareCommand()).containsExactly(0x1B, 'T');
        assertThat(codec.protocol()).isEqualTo("sbi");
    }

    @Test
    void encodesLinesAsTheBalanceSendsThem() {
        assertThat(codec.encode(stable("123.456"), "g")).isEqualTo("+  123.456 g  ").hasSize(14);
        assertThat(codec.encode(stable("-0.002"), "g")).isEqualTo("-    0.002 g  ");
        assertThat(codec.encode(unstable("123.4"), "g")).isEqualTo("+    123.4    ");
        assertThat(codec.encode(stable("1234.5"), "kg")).isEqualTo("+   1.2345 kg ");
        assertThat(codec.encode(overload(), "g")).isEqualTo("      H       ");
        assertThat(codec.encode(underload(), "g")).isEqualTo("      L       ");
        assertThatIllegalArgumentException().isThrownBy(() -> codec.encode(Reading.offline(AT), "g"));
        assertThatIllegalArgumentException().isThrownBy(() -> codec.encode(error(), "g"));
    }

    @Test
    void anUnstableLineInKilogramsReadsBackAsGramsBecauseTheProtocolDropsTheUnit() {
        assertThat(reading(codec.decode(codec.encode(unstable("1234.5"), "kg"), AT))).isEqualTo(unstable("1.2345"));
    }

    @Test
    void answersCommandsLikeTheBalance() {
        assertThat(codec.answer("\u001BP", stable("123.456"))).contains("+  123.456 g  ");
        assertThat(codec.answer("\u001BP", unstable("123.4"))).contains("+    123.4    ");
        assertThat(codec.answer("\u001BT", stable("123.456"))).isEmpty();
        assertThat(codec.answer("P", stable("123.456"))).isEmpty();
        assertThat(codec.answer("\u001BP", Reading.offline(AT))).isEmpty();
        assertThat(codec.answer("\u001BP", error())).isEmpty();
    }

}
