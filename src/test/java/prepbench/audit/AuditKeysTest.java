package prepbench.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;

import prepbench.PrepBenchApplication;

/**
 * The audit key: where it comes from, what a production station does without one (refuses
 * to start, saying how to create one), what a demo station does (creates one beside its
 * database), and rotation (old keys still verify what they sealed; a key the installation
 * lacks makes an event forged).
 */
class AuditKeysTest {

    private static final String K1 = "k1 " + Base64.getEncoder().encodeToString(new byte[32]);

    private static final String K2 = "k2 "
            + Base64.getEncoder().encodeToString("another key of thirty-two bytes!".getBytes());

    @Test
    void aProductionStationWithoutAKeyRefusesToStartSayingHowToCreateOne(@TempDir Path directory) {
        assertThatThrownBy(() -> AuditKeyRing.load("", "", false)).isInstanceOf(MissingAuditKey.class)
            .hasMessageContaining("has no key to seal its audit trail with")
            .satisfies(failure -> assertThat(((MissingAuditKey) failure).action()).contains("openssl rand -base64 32",
                    "prepbench.audit.key-file"));
        Path missing = directory.resolve("audit.key");
        assertThatThrownBy(() -> AuditKeyRing.load("", missing.toString(), false))
            .hasMessageContaining("does not exist, and only a demo station creates its own key");
        assertThat(missing).doesNotExist();

        assertThatThrownBy(() -> new SpringApplicationBuilder(PrepBenchApplication.class).web(WebApplicationType.NONE)
            .run("--prepbench.demo-data=false", "--prepbench.simulated-benches=0", "--prepbench.audit.key=",
                    "--prepbench.audit.key-file=", "--prepbench.benches[0].id=none",
                    "--spring.datasource.url=jdbc:h2:mem:nokey-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
            .close()).satisfies(failure -> {
                Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
                assertThat(cause).isInstanceOf(MissingAuditKey.class);
                var analysis = new MissingAuditKeyAnalyzer().analyze(failure);
                assertThat(analysis.getDescription()).contains("has no key to seal its audit trail with");
                assertThat(analysis.getAction()).contains("openssl rand -base64 32");
            });
    }

    @Test
    void aStationThatStopsWritesAFinalCheckpoint(@TempDir Path directory) throws Exception {
        Path checkpoints = directory.resolve("checkpoints");
        new SpringApplicationBuilder(PrepBenchApplication.class)
            .run("--server.port=0", "--prepbench.audit.checkpoint-at-shutdown=true",
                    "--prepbench.audit.checkpoint-dir=" + checkpoints,
                    "--spring.datasource.url=jdbc:h2:mem:shutdown-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
            .close();

        try (var files = Files.list(checkpoints)) {
            Path file = files.findFirst().orElseThrow();
            assertThat(file.getFileName().toString()).matches("checkpoints-\\d{4}-\\d{2}-\\d{2}\\.jsonl");
            assertThat(Files.readAllLines(file)).as("the demo accounts' chains, and the closing line")
                .anyMatch(line -> line.contains("\"chain\":\"account:admin\""))
                .last()
                .asString()
                .contains("\"upTo\":");
        }
    }

    @Test
    void aDemoStationCreatesItsKeyOnceBesideItsDatabaseReadableOnlyByItsUser(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("data").resolve("audit.key");

        AuditKeys created = AuditKeyRing.load("", file.toString(), true);
        AuditKeys again = AuditKeyRing.load("", file.toString(), true);

        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(created.current().id()).matches("demo-\\d{8}");
        assertThat(AuditKeys.mac(again.current(), "x")).as("the same key, read back")
            .isEqualTo(AuditKeys.mac(created.current(), "x"));
    }

    @Test
    void aKeyRingThatIsNotOneIsRefusedNamingTheEntry() {
        assertThatThrownBy(() -> AuditKeyRing.load("k1 c2hvcnQ=", "", false))
            .hasMessageContaining("key k1: the key has 5 bytes; it needs at least 32");
        assertThatThrownBy(() -> AuditKeyRing.load("k1 not*base64", "", false))
            .hasMessageContaining("key k1: the key is not base64");
        assertThatThrownBy(() -> AuditKeyRing.load("just-one-word", "", false))
            .hasMessageContaining("entry 1: expected '<key id> <base64 key>'");
        assertThatThrownBy(() -> AuditKeyRing.load(K1 + ";" + K1, "", false))
            .hasMessageContaining("key id k1 appears twice");
        assertThatThrownBy(() -> AuditKeyRing.load("# nothing but a comment", "", false))
            .hasMessageContaining("holds no key");
    }

    @Test
    void aRotatedKeyStillVerifiesWhatItSealedAndAMissingKeyMakesItForged() {
        AuditKeys before = AuditKeys.parse(K1, "test");
        AuditKeys rotated = AuditKeys.parse(K1 + "\n# rotated\n" + K2, "test");
        AuditKeys lost = AuditKeys.parse(K2, "test");
        assertThat(rotated.current().id()).isEqualTo("k2");

        List<AuditEvent> chain = new ArrayList<>(chain(before, 1, 3, "formula:X", EventSeal.GENESIS));
        chain.addAll(chain(rotated, 4, 2, "formula:X", chain.get(chain.size() - 1).hash()));

        assertThat(walk(rotated, chain).intact()).isTrue();
        ChainVerification withoutK1 = walk(lost, chain);
        assertThat(withoutK1.problems()).hasSize(3)
            .allMatch(problem -> problem.kind() == AuditProblem.Kind.FORGED
                    && problem.detail().contains("names key k1, which this installation does not have"));
    }

    @Test
    void aChainIsCheckedEventByEventAndAgainstItsCheckpoint() {
        AuditKeys keys = AuditKeys.parse(K1, "test");
        List<AuditEvent> chain = chain(keys, 1, 5, "session:s", EventSeal.GENESIS);
        Checkpoints.Mark fifth = new Checkpoints.Mark("session:s", 5, chain.get(4).hash(), Instant.EPOCH);

        assertThat(walk(keys, chain, fifth).intact()).isTrue();
        assertThat(walk(keys, chain.subList(0, 4), fifth).problems()).singleElement()
            .satisfies(problem -> assertThat(problem.sentence())
                .isEqualTo("Truncated — session:s #5: the chain ends at #4, and the checkpoint of "
                        + "1970-01-01T00:00:00Z saw it reach #5"));
        List<AuditEvent> withoutThird = new ArrayList<>(chain);
        withoutThird.remove(2);
        assertThat(walk(keys, withoutThird, fifth).problems()).extracting(AuditProblem::kind, AuditProblem::sequence)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(AuditProblem.Kind.GAP, 4L));
        List<AuditEvent> edited = new ArrayList<>(chain);
        AuditEvent second = chain.get(1);
        edited.set(1,
                new AuditEvent(second.id(), second.at(), "mallory", second.action(), second.sessionId(),
                        second.stepSequence(), second.formulaCode(), second.payload(), second.chain(), second.seq(),
                        second.prevHash(), second.hash(), second.keyId()));
        assertThat(walk(keys, edited, fifth).problems()).extracting(AuditProblem::kind, AuditProblem::sequence)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(AuditProblem.Kind.ALTERED, 2L));
        AuditKeys other = AuditKeys.parse(K2.replace("k2", "k1"), "test");
        assertThat(walk(other, chain, null).problems()).as("sealed under another key of the same id")
            .hasSize(5)
            .allMatch(problem -> problem.kind() == AuditProblem.Kind.ALTERED);
    }

    private static List<AuditEvent> chain(AuditKeys keys, long firstSeq, int count, String chain, String prev) {
        List<AuditEvent> events = new ArrayList<>();
        for (long seq = firstSeq; seq < firstSeq + count; seq++) {
            Instant at = Instant.parse("2026-12-01T08:00:00Z").plusSeconds(seq);
            String payload = "{\"n\":" + seq + "}";
            String hash = EventSeal.seal(keys.current(), chain, seq, prev, at, "tina", "ACTION", null, null, "X",
                    payload);
            events.add(new AuditEvent(seq, at, "tina", "ACTION", null, null, "X", payload, chain, seq, prev, hash,
                    keys.current().id()));
            prev = hash;
        }
        return events;
    }

    private static ChainVerification walk(AuditKeys keys, List<AuditEvent> events) {
        return walk(keys, events, null);
    }

    private static ChainVerification walk(AuditKeys keys, List<AuditEvent> events, Checkpoints.Mark checkpoint) {
        ChainWalk walk = new ChainWalk(keys, events.get(0).chain(), checkpoint);
        events.forEach(walk::accept);
        return walk.finish();
    }

}
