package prepbench.scales.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static prepbench.scales.protocol.TestReadings.AT;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import prepbench.scales.Reading;
import prepbench.scales.ScaleState;

/**
 * Properties of every codec over seeded random input: random bytes, printable junk and
 * mutated valid lines never make framing or decoding throw, random bytes never decode to
 * a capturable reading, every reading a balance can show survives encoding and decoding,
 * and a stable weight in another unit never reads as grams.
 */
class CodecProperties {

    private static final int SEEDS = 25;

    private static final String PROTOCOL_ALPHABET = "STUSOLQTGNR,+-. 0123456789gkmcltPC%?*ESIDAZ\"#";

    private static final Map<String, List<String>> VALID_LINES = Map.of("ad",
            List.of("ST,+000.123 g", "US,+000.120 g", "OL,+9999999 g", "ST,GS,+0012345kg", "QT,+000000012PC"),
            "mt-sics", List.of("S S      100.00 g", "S D      99.87 g", "S +", "Z A", "T S      12.34 g", "ES"), "sbi",
            List.of("+    123.456 g", "+    123.4", "N     +    123.456 g", "Stat", "Err 101"), "ohaus",
            List.of("*****192.21 g", "    192.21 g ?", "Err 8.3", "*****207.80 g TOTAL"));

    static Stream<Arguments> codecsAndSeeds() {
        return BalanceCodecs.protocols()
            .stream()
            .flatMap(protocol -> Stream.iterate(0L, seed -> seed + 1)
                .limit(SEEDS)
                .map(seed -> Arguments.of(BalanceCodecs.forProtocol(protocol).orElseThrow(), seed)));
    }

    @ParameterizedTest
    @MethodSource("codecsAndSeeds")
    void aCommandChangedByItsCallerLeavesTheNextOneIntact(BalanceCodec codec, long seed) {
        List<Supplier<byte[]>> commands = new ArrayList<>(
                List.of(codec::pollCommand, codec::zeroCommand, codec::tareCommand));
        if (codec.continuousCommand() != null) {
            commands.add(codec::continuousCommand);
        }
        Supplier<byte[]> command = commands.get(new Random(seed).nextInt(commands.size()));
        byte[] first = command.get();
        byte[] original = first.clone();
        Arrays.fill(first, (byte) 0);
        assertThat(command.get()).as(codec.protocol()).isEqualTo(original).isNotSameAs(first);
    }

    @ParameterizedTest
    @MethodSource("codecsAndSeeds")
    void randomBytesNeverThrowAndNeverGiveACapturableReading(BalanceCodec codec, long seed) {
        Random random = new Random(seed);
        byte[] bytes = new byte[65_536];
        random.nextBytes(bytes);
        for (String line : frame(codec, bytes, random)) {
            Decoded decoded = codec.decode(line, AT);
            assertThat(TestReadings.capturable(decoded)).as("%s decodes %s", codec.protocol(), line).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("codecsAndSeeds")
    void printableJunkNeverThrowsAndEveryWeightIsConsistent(BalanceCodec codec, long seed) {
        Random random = new Random(seed);
        StringBuilder junk = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            junk.append(random.nextInt(12) == 0 ? '\n'
                    : PROTOCOL_ALPHABET.charAt(random.nextInt(PROTOCOL_ALPHABET.length())));
        }
        for (String line : frame(codec, junk.toString().getBytes(StandardCharsets.ISO_8859_1), random)) {
            assertConsistent(codec.decode(line, AT));
        }
    }

    @ParameterizedTest
    @MethodSource("codecsAndSeeds")
    void mutatedValidLinesNeverThrow(BalanceCodec codec, long seed) {
        Random random = new Random(seed);
        for (String valid : VALID_LINES.get(codec.protocol())) {
            for (int i = 0; i < 200; i++) {
                String mutated = mutate(valid, random);
                assertThatNoException().as("%s decodes %s", codec.protocol(), mutated)
                    .isThrownBy(() -> assertConsistent(codec.decode(mutated, AT)));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("codecsAndSeeds")
    void everyReadingSurvivesEncodingFramingAndDecoding(BalanceCodec codec, long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            Reading sent = randomReading(random);
            String unit = sent.state() == ScaleState.UNSTABLE && codec.protocol().equals("sbi") ? "g"
                    : List.of("g", "kg", "mg").get(random.nextInt(3));
            byte[] bytes = (codec.encode(sent, unit) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            List<String> lines = frame(codec, bytes, random);
            assertThat(lines).hasSize(1);
            Reading received = TestReadings.reading(codec.decode(lines.get(0), AT));
            assertThat(received.state()).isEqualTo(sent.state());
            assertThat(received.stable()).isEqualTo(sent.stable());
            if (sent.grams() != null) {
                assertThat(received.grams()).as("%s in %s", sent.grams(), unit).isEqualByComparingTo(sent.grams());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("codecsAndSeeds")
    void aStableWeightInAnotherUnitIsNeverCapturable(BalanceCodec codec, long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            Reading sent = randomReading(random);
            if (sent.state() == ScaleState.OK) {
                String unit = List.of("ct", "lb", "oz").get(random.nextInt(3));
                assertThat(codec.decode(codec.encode(sent, unit), AT)).isInstanceOf(Decoded.NotAWeight.class);
            }
        }
    }

    /** Feeds the bytes to a framer in random chunks, as a connection delivers them. */
    private static List<String> frame(BalanceCodec codec, byte[] bytes, Random random) {
        LineFramer framer = new LineFramer(codec.maxLineLength());
        List<String> lines = new ArrayList<>();
        for (int offset = 0; offset < bytes.length;) {
            int length = Math.min(bytes.length - offset, 1 + random.nextInt(64));
            lines.addAll(framer.accept(bytes, offset, length));
            offset += length;
        }
        return lines;
    }

    /**
     * A weight is stable exactly when it reads OK, and has grams exactly when it shows a
     * weight.
     */
    private static void assertConsistent(Decoded decoded) {
        if (decoded instanceof Decoded.Weight weight) {
            Reading reading = weight.reading();
            assertThat(reading.stable()).isEqualTo(reading.state() == ScaleState.OK);
            assertThat(reading.grams() != null)
                .isEqualTo(reading.state() == ScaleState.OK || reading.state() == ScaleState.UNSTABLE);
        }
    }

    /**
     * Deletes, inserts, replaces or duplicates a character, or tears the line, a few
     * times.
     */
    private static String mutate(String line, Random random) {
        StringBuilder mutated = new StringBuilder(line);
        for (int times = 1 + random.nextInt(3); times > 0; times--) {
            int at = random.nextInt(mutated.length() + 1);
            char c = (char) random.nextInt(256);
            switch (random.nextInt(5)) {
                case 0 -> mutated.insert(at, c);
                case 1 -> mutated.replace(at, Math.min(at + 1, mutated.length()), String.valueOf(c));
                case 2 -> mutated.delete(at, Math.min(at + 1, mutated.length()));
                case 3 -> mutated.setLength(at);
                default -> mutated.insert(at, mutated.substring(at, Math.min(at + 3, mutated.length())));
            }
        }
        return mutated.toString();
    }

    /**
     * A reading a balance can show: up to ±9999.999 g with up to 3 decimals, stable or
     * not, or out of range.
     */
    private static Reading randomReading(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> new Reading(null, false, AT, ScaleState.OVERLOAD);
            case 1 -> new Reading(null, false, AT, ScaleState.UNDERLOAD);
            default -> {
                BigDecimal grams = BigDecimal.valueOf(random.nextInt(20_000_000) - 10_000_000L, random.nextInt(4))
                    .remainder(BigDecimal.valueOf(10_000));
                boolean stable = random.nextBoolean();
                yield new Reading(grams, stable, AT, stable ? ScaleState.OK : ScaleState.UNSTABLE);
            }
        };
    }

}
