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

class MtSicsCodecTest {

    private final BalanceCodec codec = new MtSicsCodec();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            'S S      100.00 g'  | ok        | 100.00
            'S D      99.87 g'   | unstable  | 99.87
            'S +'                | overload  |
            'S -'                | underload |
            'S S     -12.345 g'  | ok        | -12.345
            'S S -   12.345 g'   | ok        | -12.345
            'S S   1.2345 kg'    | ok        | 1234.5
            'S D    123.4 mg'    | unstable  | 0.1234
            'S S 0.001 g'        | ok        | 0.001
            'S S      100.00 g  '| ok        | 100.00
            """)
    void readsWeightReplies(String line, String state, String grams) {
        assertThat(reading(codec.decode(line, AT))).isEqualTo(expected(state, grams));
    }

    @Test
    void aBusyBalanceSendsNoWeight() {
        assertThat(codec.decode("S I", AT)).isInstanceOf(Decoded.NotAWeight.class);
    }

    @Test
    void aUnitSwitchedDuringWeighingIsNeverReadAsGrams() {
        assertThat(codec.decode("S S      0.1000 ct", AT))
            .isEqualTo(new Decoded.NotAWeight("unit ct is not grams: switch the balance to g"));
        assertThat(codec.decode("S D    0.04409 lb", AT)).isInstanceOf(Decoded.NotAWeight.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            'Z A'                | Z  | true  | zeroed
            'Z I'                | Z  | false | not zeroed: the balance is busy or moving
            'Z +'                | Z  | false | not zeroed: above the range
            'Z -'                | Z  | false | not zeroed: below the range
            'T S      12.34 g'   | T  | true  | tared 12.34 g
            'T I'                | T  | false | not tared: the balance is busy or moving
            'T +'                | T  | false | not tared: above the range
            'T -'                | T  | false | not tared: below the range
            """)
    void readsAcknowledgements(String line, String command, boolean done, String detail) {
        assertThat(codec.decode(line, AT)).isEqualTo(new Decoded.Acknowledged(command, done, detail));
    }

    @Test
    void readsWhatTheBalanceSaysItIs() {
        assertThat(codec.decode("I2 A \"XS204 220.0090 g\"", AT))
            .isEqualTo(new Decoded.Identity("XS204 220.0090 g", null));
        assertThat(codec.decode("I2 A \"XS204   220.0090   g \"", AT))
            .isEqualTo(new Decoded.Identity("XS204 220.0090 g", null));
        assertThat(codec.decode("I4 A \"0123456789\"", AT)).isEqualTo(new Decoded.Identity(null, "0123456789"));
        assertThat(codec.decode("I4 I", AT)).isEqualTo(new Decoded.Identity(null, null));
        assertThat(codec.decode("I2 A \"\"", AT)).isInstanceOf(Decoded.Failure.class);
        assertThat(codec.decode("I2 A \"caf\u00e9\"", AT)).isInstanceOf(Decoded.Failure.class);
        assertThat(codec.identifyCommands()).extracting(String::new).containsExactly("I2\r\n", "I4\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = { "ES", "ET", "EL" })
    void readsErrors(String line) {
        assertThat(codec.decode(line, AT)).isInstanceOf(Decoded.Failure.class);
        assertThat(((Decoded.Failure) codec.decode(line, AT)).detail()).containsAnyOf("syntax", "transmission",
                "logical");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "S", "S S", "S S 100.00", "S X 100.00 g", "S S 100.00 g extra", "S I 100.00 g",
            "S S100.00 g", "s s 100.00 g", "Z A 1", "Z S", "T A", "T S", "I4 A 0123", "I4 I \"1\"", "EX", "ES 1",
            "Q S 1 g", "S S 1,5 g", "S S 100.00 g\r", "S S 100.00 g\u0085" })
    void anythingElseIsAFailure(String line) {
        assertThat(codec.decode(line, AT)).isInstanceOf(Decoded.Failure.class);
    }

    @Test
    void aLineLongerThanTheProtocolAllowsIsAFailure() {
        assertThat(codec.decode("S S " + " ".repeat(60) + "1 g", AT)).isInstanceOf(Decoded.Failure.class);
    }

    @Test
    void sendsTheMtSicsCommands() {
        assertThat(codec.pollCommand()).asString().isEqualTo("SI\r\n");
        assertThat(codec.continuousCommand()).asString().isEqualTo("SIR\r\n");
        assertThat(codec.zeroCommand()).asString().isEqualTo("Z\r\n");
        assertThat(codec.tareCommand()).asString().isEqualTo("T\r\n");
        assertThat(codec.protocol()).isEqualTo("mt-sics");
    }

    @Test
    void encodesLinesAsTheBalanceSendsThem() {
        assertThat(codec.encode(stable("100.00"), "g")).isEqualTo("S S     100.00 g");
        assertThat(codec.encode(unstable("99.87"), "g")).isEqualTo("S D      99.87 g");
        assertThat(codec.encode(stable("-12.345"), "g")).isEqualTo("S S    -12.345 g");
        assertThat(codec.encode(stable("1234.5"), "kg")).isEqualTo("S S     1.2345 kg");
        assertThat(codec.encode(overload(), "g")).isEqualTo("S +");
        assertThat(codec.encode(underload(), "g")).isEqualTo("S -");
        assertThatIllegalArgumentException().isThrownBy(() -> codec.encode(Reading.offline(AT), "g"));
        assertThatIllegalArgumentException().isThrownBy(() -> codec.encode(error(), "g"));
    }

    @Test
    void answersCommandsLikeTheBalance() {
        Reading settled = stable("100.00");
        assertThat(codec.answer("S", settled)).contains("S S     100.00 g");
        assertThat(codec.answer("S", unstable("99.87"))).contains("S I");
        assertThat(codec.answer("S", overload())).contains("S +");
        assertThat(codec.answer("SI", unstable("99.87"))).contains("S D      99.87 g");
        assertThat(codec.answer("SIR", underload())).contains("S -");
        assertThat(codec.answer("Z", settled)).contains("Z A");
        assertThat(codec.answer("Z", unstable("99.87"))).contains("Z I");
        assertThat(codec.answer("T", settled)).contains("T S     100.00 g");
        assertThat(codec.answer("T", overload())).contains("T +");
        assertThat(codec.answer("@", settled)).contains("I4 A \"0123456789\"");
        assertThat(codec.answer("XYZ", settled)).contains("ES");
        assertThat(codec.answer("s", settled)).contains("ES");
        assertThat(codec.answer("SI", Reading.offline(AT))).isEmpty();
        assertThat(codec.answer("SI", error())).isEmpty();
    }

    @Test
    void readsItsOwnAnswers() {
        assertThat(codec.decode(codec.answer("T", stable("12.34")).orElseThrow(), AT))
            .isEqualTo(new Decoded.Acknowledged("T", true, "tared 12.34 g"));
        assertThat(codec.decode(codec.answer("@", stable("0")).orElseThrow(), AT))
            .isEqualTo(new Decoded.Identity(null, "0123456789"));
        assertThat(codec.decode(codec.answer("I2", stable("0")).orElseThrow(), AT))
            .isEqualTo(new Decoded.Identity("PB-SIM220 220.0000 g", null));
    }

}
