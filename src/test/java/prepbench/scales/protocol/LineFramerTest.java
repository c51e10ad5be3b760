package prepbench.scales.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LineFramerTest {

    private final LineFramer framer = new LineFramer(16);

    private List<String> accept(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return framer.accept(bytes, 0, bytes.length);
    }

    @Test
    void countsCrLfOnceWhenItArrivesInTwoReads() {
        assertThat(accept("ST,+000.123 g\r")).containsExactly("ST,+000.123 g");
        assertThat(accept("\nUS,+000.120 g\r")).containsExactly("US,+000.120 g");
        assertThat(accept("\n")).isEmpty();
    }

    @Test
    void endsLinesWithCrAloneOrLfAlone() {
        assertThat(accept("S S 1 g\rS D 2 g\r")).containsExactly("S S 1 g", "S D 2 g");
        assertThat(accept("S S 3 g\nS D 4 g\n")).containsExactly("S S 3 g", "S D 4 g");
        assertThat(accept("a\r\nb\nc\rd\n\re\r\n")).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void splitsMergedLinesAndJoinsTornOnes() {
        assertThat(accept("ST,+000.123 g\r\nST,+000.124 g\r\nST,+0")).containsExactly("ST,+000.123 g", "ST,+000.124 g");
        assertThat(accept("00.1")).isEmpty();
        assertThat(accept("25 g")).isEmpty();
        assertThat(accept("\r\n")).containsExactly("ST,+000.125 g");
    }

    @Test
    void skipsEmptyLines() {
        assertThat(accept("\r\n\r\n\n\r\r\r")).isEmpty();
        assertThat(accept("\n\nx\n\n")).containsExactly("x");
    }

    @Test
    void dropsALineLongerThanTheMaximumWholeAndResyncsAtItsTerminator() {
        assertThat(accept("0123456789abcdef")).isEmpty();
        assertThat(accept("g, far too long")).isEmpty();
        assertThat(accept(" still\r\nS S 1 g\r\n")).containsExactly("S S 1 g");
        assertThat(framer.overlongLines()).isEqualTo(1);
        assertThat(accept("0123456789abcdef\r\n")).containsExactly("0123456789abcdef");
        assertThat(accept("0123456789abcdefX\nY\n")).containsExactly("Y");
        assertThat(framer.overlongLines()).isEqualTo(2);
    }

    @Test
    void keepsEveryByteAsOneCharacter() {
        byte[] garbage = { 0, (byte) 0xFF, (byte) 0x85, 'A', 0x1B, '\n' };
        assertThat(framer.accept(garbage, 0, garbage.length)).containsExactly("\u0000\u00FF\u0085A\u001B");
    }

    @Test
    void makesALineOfALoneAckAtTheStartOfALine() {
        assertThat(accept("\u0006ST,+000.123 g\r\n")).containsExactly("\u0006", "ST,+000.123 g");
        assertThat(accept("\u0006\u0006\r\n")).containsExactly("\u0006", "\u0006");
        assertThat(accept("S\u0006T\r\n")).containsExactly("S\u0006T");
    }

    @Test
    void readsOnlyTheGivenPartOfTheBuffer() {
        byte[] bytes = "xxS S 1 g\r\nyy".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(framer.accept(bytes, 2, 9)).containsExactly("S S 1 g");
    }

    @Test
    void needsRoomForAtLeastOneCharacter() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LineFramer(0));
    }

    static LongStream seeds() {
        return LongStream.range(0, 50);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void yieldsTheSameLinesHoweverTheBytesAreSplitAndTerminated(long seed) {
        Random random = new Random(seed);
        String[] terminators = { "\r\n", "\r", "\n" };
        List<String> sent = new ArrayList<>();
        StringBuilder stream = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            String line = "ST,+" + random.nextInt(1000) + "." + random.nextInt(1000) + " g";
            sent.add(line);
            stream.append(line).append(terminators[random.nextInt(terminators.length)]);
        }
        byte[] bytes = stream.toString().getBytes(StandardCharsets.ISO_8859_1);
        List<String> received = new ArrayList<>();
        for (int offset = 0; offset < bytes.length;) {
            int length = Math.min(bytes.length - offset, 1 + random.nextInt(20));
            received.addAll(framer.accept(bytes, offset, length));
            offset += length;
        }
        assertThat(received).isEqualTo(sent);
    }

}
