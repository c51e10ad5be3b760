package prepbench.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed checkpoints of the audit trail, kept outside the database so that a trail cut
 * short inside it is still found: for every chain that grew since the last checkpoint,
 * its last sequence number and hash, sealed under the audit key. Written every
 * {@code prepbench.audit.checkpoint-minutes}, at shutdown and on demand, appended to one
 * file a day in {@code prepbench.audit.checkpoint-dir} and forced to disk before the
 * checkpoint counts.
 *
 * <p>
 * A line is a JSON object: {@code {"at","chain","seq","hash","keyId","mac"}} for a chain,
 * and a closing {@code {"at","upTo","chains","keyId","mac"}} for the checkpoint as a
 * whole ({@code upTo}: the last event id it covered).
 */
@Component
class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

    /** A chain as a checkpoint saw it. */
    record Mark(String chain, long seq, String hash, Instant at) {
    }

    /**
     * What the checkpoint files say: the last mark of every chain, and the lines that do
     * not check out.
     */
    record Read(Map<String, Mark> marks, long upTo, long previousUpTo, List<AuditProblem> problems) {
    }

    /** What one checkpoint wrote. */
    record Written(Instant at, int chains, long upTo, Path file) {
    }

    private final JdbcClient jdbc;

    private final AuditKeys keys;

    private final JsonMapper json;

    private final Clock clock;

    private final Path directory;

    private final boolean atShutdown;

    /** What the files said when last read, updated by every checkpoint written since. */
    private Read known;

    Checkpoints(JdbcClient jdbc, AuditKeys keys, JsonMapper json, Clock clock,
            @Value("${prepbench.audit.checkpoint-dir}") String directory,
            @Value("${prepbench.audit.checkpoint-at-shutdown:true}") boolean atShutdown) {
        this.atShutdown = atShutdown;
        this.jdbc = jdbc;
        this.keys = keys;
        this.json = json;
        this.clock = clock;
        this.directory = Path.of(directory);
    }

    @Scheduled(fixedDelayString = "${prepbench.audit.checkpoint-minutes:5}",
            initialDelayString = "${prepbench.audit.checkpoint-minutes:5}", timeUnit = TimeUnit.MINUTES)
    @SchedulerLock(name = "audit-checkpoint", lockAtMostFor = "PT10M", lockAtLeastFor = "PT30S")
    public void scheduled() {
        try {
            write();
        }
        catch (RuntimeException failed) {
            log.error("The audit checkpoint could not be written to {}", directory.toAbsolutePath(), failed);
        }
    }

    /**
     * The last checkpoint, as PrepBench stops
     * ({@code prepbench.audit.checkpoint-at-shutdown}, on by default).
     */
    @PreDestroy
    void atShutdown() {
        if (atShutdown) {
            scheduled();
        }
    }

    /** The chain's last checkpointed mark; null when no checkpoint saw it. */
    synchronized Mark latest(String chain) {
        return known().marks().get(chain);
    }

    /** Reads every checkpoint file again, checking every line's seal. */
    synchronized Read reread() {
        known = read();
        return known;
    }

    /**
     * Writes a checkpoint of every chain that has new events since the checkpoint before
     * the last one (events committed late, with a lower id than one already checkpointed,
     * are so still seen), and forces it to disk.
     */
    synchronized Written write() {
        Read before = known();
        Instant at = clock.instant();
        long upTo = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit_event").query(Long.class).single();
        List<Mark> marks = jdbc.sql("""
                SELECT e.chain, e.seq, e.hash FROM audit_event e
                  JOIN (SELECT chain, MAX(seq) AS seq FROM audit_event WHERE id > :from GROUP BY chain) last
                    ON e.chain = last.chain AND e.seq = last.seq
                """)
            .param("from", before.previousUpTo())
            .query((rs, n) -> new Mark(rs.getString("chain"), rs.getLong("seq"), rs.getString("hash"), at))
            .list();
        StringBuilder lines = new StringBuilder();
        AuditKeys.Key key = keys.current();
        for (Mark mark : marks) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("at", at.toString());
            line.put("chain", mark.chain());
            line.put("seq", mark.seq());
            line.put("hash", mark.hash());
            line.put("keyId", key.id());
            line.put("mac", AuditKeys.mac(key, markContent(at.toString(), mark.chain(), mark.seq(), mark.hash())));
            lines.append(json.writeValueAsString(line)).append('\n');
        }
        Map<String, Object> closing = new LinkedHashMap<>();
        closing.put("at", at.toString());
        closing.put("upTo", upTo);
        closing.put("chains", marks.size());
        closing.put("keyId", key.id());
        closing.put("mac", AuditKeys.mac(key, closingContent(at.toString(), upTo, marks.size())));
        lines.append(json.writeValueAsString(closing)).append('\n');
        Path file = directory.resolve("checkpoints-" + at.atOffset(ZoneOffset.UTC).toLocalDate() + ".jsonl");
        append(file, lines.toString());

        Map<String, Mark> updated = new HashMap<>(before.marks());
        for (Mark mark : marks) {
            updated.merge(mark.chain(), mark, (old, now) -> now.seq() >= old.seq() ? now : old);
        }
        known = new Read(updated, upTo, before.upTo(), before.problems());
        return new Written(at, marks.size(), upTo, file);
    }

    private Read known() {
        if (known == null) {
            known = read();
        }
        return known;
    }

    private void append(Path file, String text) {
        try {
            Files.createDirectories(directory);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
        }
        catch (IOException failed) {
            throw new IllegalStateException("The audit checkpoint could not be written to " + file.toAbsolutePath()
                    + ": " + failed.getMessage(), failed);
        }
    }

    private Read read() {
        Map<String, Mark> marks = new HashMap<>();
        List<AuditProblem> problems = new ArrayList<>();
        long upTo = 0;
        long previousUpTo = 0;
        if (!Files.isDirectory(directory)) {
            return new Read(marks, 0, 0, problems);
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(file -> file.getFileName().toString().matches("checkpoints-.*\\.jsonl"))
                .sorted()
                .toList();
        }
        catch (IOException unreadable) {
            problems.add(new AuditProblem("checkpoints", null, AuditProblem.Kind.CHECKPOINT, null,
                    "the checkpoint directory " + directory.toAbsolutePath() + " cannot be read"));
            return new Read(marks, 0, 0, problems);
        }
        for (Path file : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            }
            catch (IOException unreadable) {
                problems.add(new AuditProblem("checkpoints", null, AuditProblem.Kind.CHECKPOINT, null,
                        file.getFileName() + " cannot be read"));
                continue;
            }
            for (int index = 0; index < lines.size(); index++) {
                String text = lines.get(index);
                if (text.isBlank()) {
                    continue;
                }
                String where = file.getFileName() + ", line " + (index + 1);
                try {
                    JsonNode line = json.readTree(text);
                    String at = line.path("at").asString();
                    var key = keys.key(line.path("keyId").asString());
                    boolean closing = line.has("upTo");
                    String content = closing
                            ? closingContent(at, line.path("upTo").asLong(), line.path("chains").asInt())
                            : markContent(at, line.path("chain").asString(), line.path("seq").asLong(),
                                    line.path("hash").asString());
                    if (key.isEmpty() || !AuditKeys.mac(key.get(), content).equals(line.path("mac").asString())) {
                        problems.add(new AuditProblem(closing ? "checkpoints" : line.path("chain").asString(),
                                closing ? null : line.path("seq").asLong(), AuditProblem.Kind.CHECKPOINT, null,
                                where + " does not check out: it was edited, or sealed with a key this "
                                        + "installation does not have"));
                        continue;
                    }
                    if (closing) {
                        previousUpTo = upTo;
                        upTo = Math.max(upTo, line.path("upTo").asLong());
                    }
                    else {
                        Mark mark = new Mark(line.path("chain").asString(), line.path("seq").asLong(),
                                line.path("hash").asString(), Instant.parse(at));
                        marks.merge(mark.chain(), mark, (old, now) -> now.seq() >= old.seq() ? now : old);
                    }
                }
                catch (RuntimeException notACheckpoint) {
                    problems.add(new AuditProblem("checkpoints", null, AuditProblem.Kind.CHECKPOINT, null,
                            where + " is not a checkpoint line"));
                }
            }
        }
        return new Read(marks, upTo, previousUpTo, problems);
    }

    private static String markContent(String at, String chain, long seq, String hash) {
        return String.join("\n", "prepbench-checkpoint-v1", at, chain, Long.toString(seq), hash);
    }

    private static String closingContent(String at, long upTo, int chains) {
        return String.join("\n", "prepbench-checkpoint-v1-closing", at, Long.toString(upTo), Integer.toString(chains));
    }

}
