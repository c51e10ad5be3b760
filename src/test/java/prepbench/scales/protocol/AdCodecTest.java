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

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import prepbench.scales.Reading;

class AdCodecTest {

    private final BalanceCodec codec = new AdCodec();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            'ST,+000.123 g'      | ok        | 0.123
            'US,+000.120 g'      | unstable  | 0.120
            'ST,-000.004 g'      | ok        | -0.004
            'OL,+9999999 g'      | overload  |
            'ST,+00123.45  g'    | ok        | 123.45
            'ST,GS,+0012345kg'   | ok        | 12345000
            """)
    void readsTheReadmeLines(String line, String state, String grams) {
        assertThat(reading(codec.decode(line, AT))).isEqualTo(expected(state, grams));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            'ST,+0001.2345kg'    | ok        | 1234.5
            'ST,+0001.234 kg'    | ok        | 1234
            'US,+0123456 mg'     | unstable  | 123.456
            'ST,+0000001 mg'     | ok        | 0.001
            'ST,NT,-0000.500  g' | ok        | -0.500
            'ST,OK,+0001.234  g' | ok        | 1.234
            'ST,--,+0001.234  g' | ok        | 1.234
            'US,+000.120g'       | unstable  | 0.120
            'ST,+  0.5   g   '   | ok        | 0.5
            'OL,-9999999 g'      | underload |
            'OL,+9999999E'       | overload  |
            'OL,-  .   kg'       | underload |
            """)
    void convertsKilogramsAndMilligramsExactlyAndToleratesSpacing(String line, String state, String grams) {
        assertThat(reading(codec.decode(line, AT))).isEqualTo(expected(state, grams));
    }

    @Test
    void countModeIsNeverAWeight() {
        assertThat(codec.decode("QT,+000000012PC", AT)).isInstanceOf(Decoded.NotAWeight.class);
    }

    @Test
    void aTareLineFromAnIndicatorIsNoReading() {
        assertThat(codec.decode("ST,TR,+0000.120kg", AT))
            .isEqualTo(new Decoded.NotAWeight("a tare value, not the load on the pan"));
    }

    @Test
    void aUnitSwitchedDuringWeighingIsNeverReadAsGrams() {
        assertThat(capturable(codec.decode("ST,+0020.000  g", AT))).isTrue();
        assertThat(codec.decode("US,+0000.100 ct", AT))
            .isEqualTo(new Decoded.NotAWeight("unit ct is not grams: switch the balance to g"));
        for (String line : new String[] { "ST,+0000.100 ct", "ST,+0.044092 lb", "ST,+0.705479 oz", "ST,+0020.000  G",
                "ST,+0020.000 Mg", "ST,+0020.000  %" }) {
            assertThat(codec.decode(line, AT)).as(line).isInstanceOf(Decoded.NotAWeight.class);
        }
    }

    @Test
    void readsAcknowledgementsAndErrors() {
        assertThat(codec.decode(AdCodec.ACK, AT)).isEqualTo(new Decoded.Acknowledged("", true, "ACK"));
        assertThat(codec.decode("EC,E11", AT)).isEqualTo(new Decoded.Failure("balance error E11"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "ST", "ST,", "ST,+", "ST,+000.123", "ST,+1.2.3 g", "ST,+1E3 g", "XX,+000.123 g",
            "st,+000.123 g", "ST;+000.123 g", "ST,XX,+000.123 g", "ST,+000.123 g\u0000", "\u0000ST,+000.123 g",
            "ST,+000.123 gST,+000.123 g", "ST,+000.1\u00b2 g", "EC,Exx", "ST,+000000000000000.123 g", "\u0006\u0006" })
    void anythingElseIsAFailure(String line) {
        assertThat(codec.decode(line, AT)).isInstanceOf(Decoded.Failure.class);
    }

    @Test
    void aMissingLineIsAFailure() {
        assertThat(codec.decode(null, AT)).isInstanceOf(Decoded.Failure.class);
    }

    @Test
    void sendsTheAdCommands() {
        assertThat(codec.pollCommand()).asString().isEqualTo("Q\r\n");
        assertThat(codec.continuousCommand()).asString().isEqualTo("SIR\r\n");
        assertThat(codec.zeroCommand()).asString().isEqualTo("Z\r\n");
        assertThat(codec.tareCommand()).asString().isEqualTo("T\r\n");
        assertThat(codec.protocol()).isEqualTo("ad");
    }

    @Test
    void encodesLinesAsTheBalanceSendsThem() {
        assertThat(codec.encode(stable("123.45"), "g")).isEqualTo("ST,+00123.45  g");
        assertThat(codec.encode(stable("-0.004"), "g")).isEqualTo("ST,-0000.004  g");
        assertThat(codec.encode(unstable("0.120"), "g")).isEqualTo("US,+0000.120  g");
        assertThat(codec.encode(stable("1234.5"), "kg")).isEqualTo("ST,+001.2345 kg");
        assertThat(codec.encode(stable("0.1234"), "mg")).isEqualTo("ST,+000123.4 mg");
        assertThat(codec.encode(stable("12.3456789"), "g")).isEqualTo("ST,+12.34568  g");
        assertThat(codec.encode(overload(), "g")).isEqualTo("OL,+9999999  g");
        assertThat(codec.encode(underload(), "g")).isEqualTo("OL,-9999999  g");
    }

    @Test
    void encodesNothingForAnOfflineBalanceOrAWeightTooLargeForTheLine() {
        assertThatIllegalArgumentException().isThrownBy(() -> codec.encode(Reading.offline(AT), "g"));
        assertThatIllegalArgumentException().isThrownBy(() -> codec.encode(error(), "g"));
        assertThatIllegalArgumentException().isThrownBy(() -> codec.encode(stable("123456789"), "g"));
        assertThatIllegalArgumentException().isThrownBy(() -> codec.encode(stable("1"), "stone"));
    }

    @Test
    void answersCommandsLikeTheBalance() {
        Reading settled = stable("12.5");
        assertThat(codec.answer("Q", settled)).contains("ST,+000012.5  g");
        assertThat(codec.answer("S", unstable("12.5"))).isEmpty();
        assertThat(codec.answer("S", settled)).contains("ST,+000012.5  g");
        assertThat(codec.answer("SIR", unstable("12.5"))).contains("US,+000012.5  g");
        assertThat(codec.answer("Z", settled)).contains(AdCodec.ACK);
        assertThat(codec.answer("T", unstable("12.5"))).contains("EC,E11");
        assertThat(codec.answer("C", overload())).contains(AdCodec.ACK);
        assertThat(codec.answer("HELLO", settled)).contains("EC,E01");
        assertThat(codec.answer("Q", Reading.offline(AT))).isEmpty();
        assertThat(codec.answer("Q", error())).isEmpty();
    }

    @Test
    void decodesWithTheTimeItIsGiven() {
        Instant later = AT.plusSeconds(5);
        assertThat(reading(codec.decode("ST,+000.123 g", later)).at()).isEqualTo(later);
    }

}
