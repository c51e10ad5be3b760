package prepbench.scales.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static prepbench.scales.protocol.TestReadings.AT;
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

class OhausCodecTest {

    private final BalanceCodec codec = new OhausCodec();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            '*****192.21 g'    | ok       | 192.21
            '    192.21 g ?'   | unstable | 192.21
            """)
    void readsTheReadmeLines(String line, String state, String grams) {
        assertThat(reading(codec.decode(line, AT))).isEqualTo(expected(state, grams));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            '     192.21 g'               | ok        | 192.21
            '*******0.01 g ?'             | unstable  | 0.01
            '       0.01 g    00:00:00'   | ok        | 0.01
            '*****176.30 g ? 00:00:15'    | unstable  | 176.30
            '     -12.50 g'               | ok        | -12.50
            '-     12.50 g'               | ok        | -12.50
            '    1.23456 kg N'            | ok        | 1234.56
            '   12.5 g ? NET'             | unstable  | 12.5
            '   12.5 g   C G'             | ok        | 12.5
            '   12.5 g B/G'               | ok        | 12.5
            '    125 mg'                  | ok        | 0.125
            'Err 8.3'                     | overload  |
            'Err 8.4'                     | underload |
            """)
    void readsMoreLines(String line, String state, String grams) {
        assertThat(reading(codec.decode(line, AT))).isEqualTo(expected(state, grams));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            '*****207.80 g TOTAL' | an accumulated total, not the load on the pan
            '   12.00 g   Tare'   | a tare value, not the load on the pan
            '   12.00 g ? T'      | a tare value, not the load on the pan
            '     0.4233 oz'      | unit oz is not grams: switch the balance to g
            '     0.4233 oz ?'    | unit oz is not grams: switch the balance to g
            '        235 PC'      | unit PC is not grams: switch the balance to g
            """)
    void linesWithoutAWeightInGramsAreNoReading(String line, String why) {
        assertThat(codec.decode(line, AT)).isEqualTo(new Decoded.NotAWeight(why));
    }

    @Test
    void readsErrors() {
        assertThat(codec.decode("ES", AT)).isEqualTo(new Decoded.Failure("the balance does not know the command"));
        assertThat(codec.decode("Err 0", AT)).isEqualTo(new Decoded.Failure("balance error 0"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "?", "192.21", "192.21 g ??", "192.21 g X", "192.21g?", "**192.21 g **", "192.21 G",
            "192.21 N", "192.21 g\u0000", "192.21 g ?\u0000", "Err", "Err 8.3.1", "1 9 2 g",
            "192.21 g ? ? ? ? ? ? ? ? ? ? ? ? ? ? ? ? ?" })
    void anythingElseIsAFailure(String line) {
        assertThat(codec.decode(line, AT)).isInstanceOf(Decoded.Failure.class);
    }

    @Test
    void sendsTheOhausCommands() {
        assertThat(codec.pollCommand()).asString().isEqualTo("IP\r\n");
        assertThat(codec.continuousCommand()).asString().isEqualTo("CP\r\n");
        assertThat(codec.zeroCommand()).asString().isEqualTo("Z\r\n");
        assertThat(codec.tareCommand()).asString().isEqualTo("T\r\n");
        assertThat(codec.protocol()).isEqualTo("ohaus");
    }

    @Test
    void encodesLinesAsTheBalanceSendsThem() {
        assertThat(codec.encode(stable("192.21"), "g")).isEqualTo("     192.21 g");
        assertThat(codec.encode(unstable("0.01"), "g")).isEqualTo("       0.01 g ?");
        assertThat(codec.encode(stable("-12.50"), "g")).isEqualTo("     -12.50 g");
        assertThat(codec.encode(stable("1234.56"), "kg")).isEqualTo("    1.23456 kg");
        assertThat(codec.encode(overload(), "g")).isEqualTo("Err 8.3");
        assertThat(codec.encode(underload(), "g")).isEqualTo("Err 8.4");
        assertThatIllegalArgumentException().isThrownBy(() -> codec.encode(Reading.offline(AT), "g"));
        assertThatIllegalArgumentException().isThrownBy(() -> codec.encode(error(), "g"));
    }

    @Test
    void answersCommandsLikeTheBalance() {
        assertThat(codec.answer("IP", unstable("0.01"))).contains("       0.01 g ?");
        assertThat(codec.answer("P", stable("192.21"))).contains("     192.21 g");
        assertThat(codec.answer("CP", stable("192.21"))).contains("     192.21 g");
        assertThat(codec.answer("SP", unstable("0.01"))).isEmpty();
        assertThat(codec.answer("SP", stable("192.21"))).contains("     192.21 g");
        assertThat(codec.answer("Z", stable("192.21"))).isEmpty();
        assertThat(codec.answer("T", stable("192.21"))).isEmpty();
        assertThat(codec.answer("XYZ", stable("192.21"))).contains("ES");
        assertThat(codec.answer("IP", Reading.offline(AT))).isEmpty();
        assertThat(codec.answer("IP", error())).isEmpty();
    }

}
