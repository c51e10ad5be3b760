package prepbench.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import prepbench.access.Actor;
import prepbench.access.Permission;
import tools.jackson.databind.json.JsonMapper;

/**
 * Review of the trail as a whole (EU GMP Annex 11 §9): the search, "verify everything" on
 * demand and on a schedule, checkpoints on demand, and the alert a failed verification
 * raises until a lab lead or an admin acknowledges it. Each run, checkpoint and
 * acknowledgement is itself recorded, in the review chain.
 */
@Service
public class AuditReview {

    private static final Logger log = LoggerFactory.getLogger(AuditReview.class);

    private final AuditTrail trail;

    private final AuditEvents events;

    private final Checkpoints checkpoints;

    private final JdbcClient jdbc;

    private final JsonMapper json;

    private final Clock clock;

    AuditReview(AuditTrail trail, AuditEvents events, Checkpoints checkpoints, JdbcClient jdbc, JsonMapper json,
            Clock clock) {
        this.trail = trail;
        this.events = events;
        this.checkpoints = checkpoints;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The events the query finds, newest first; one more than the limit when there is a
     * next page.
     */
    @Transactional(readOnly = true)
    public List<AuditEvent> search(AuditQuery query, Actor reviewer) {
        reviewer.require(Permission.REVIEW_AUDIT);
        return events.search(query);
    }

    /**
     * Verifies everything now, records the run, and raises an alert when it found a
     * problem.
     */
    @Transactional
    public TrailVerification verifyEverything(Actor reviewer) {
        reviewer.require(Permission.REVIEW_AUDIT);
        return verifyAndRecord(reviewer.username());
    }

    /** The scheduled run ({@code prepbench.audit.verify-cron}). */
    @Scheduled(cron = "${prepbench.audit.verify-cron:0 30 2 * * *}")
    @SchedulerLock(name = "audit-verification", lockAtMostFor = "PT2H", lockAtLeastFor = "PT1M")
    @Transactional
    public void scheduledVerification() {
        TrailVerification result = verifyAndRecord("system");
        if (!result.intact()) {
            log.error("Audit verification found {} problems; the first: {}", result.problemCount(),
                    result.problems().isEmpty() ? "-" : result.problems().get(0).sentence());
        }
    }

    private TrailVerification verifyAndRecord(String who) {
        TrailVerification result = trail.verifyEverything();
        Instant at = clock.instant();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("intact", result.intact());
        payload.put("chains", result.chains());
        payload.put("events", result.events());
        payload.put("problems", result.problemCount());
        payload.put("tookMs", result.took().toMillis());
        review(at, who, "AUDIT_VERIFIED", payload);
        if (!result.intact()) {
            StringBuilder summary = new StringBuilder();
            result.problems().stream().limit(5).forEach(problem -> summary.append(problem.sentence()).append('\n'));
            jdbc.sql("""
                    INSERT INTO audit_alert (raised_at, problem_count, summary) VALUES (:at, :count, :summary)
                    """)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("count", result.problemCount())
                .param("summary", summary.length() > 2000 ? summary.substring(0, 2000) : summary.toString())
                .update();
        }
        return result;
    }

    /** Writes a checkpoint now, and records that it was asked for. */
    @Transactional
    public Checkpoint checkpoint(Actor reviewer) {
        reviewer.require(Permission.REVIEW_AUDIT);
        Checkpoints.Written written = checkpoints.write();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("chains", written.chains());
        payload.put("upTo", written.upTo());
        payload.put("file", written.file().getFileName().toString());
        review(written.at(), reviewer.username(), "AUDIT_CHECKPOINT_WRITTEN", payload);
        return new Checkpoint(written.at(), written.chains(), written.upTo(), written.file().getFileName().toString());
    }

    /**
     * A checkpoint written on demand: when, how many chains it saw grow, the last event
     * it covers, its file.
     */
    public record Checkpoint(Instant at, int chains, long upTo, String file) {
    }

    /** The alerts no one has acknowledged yet, newest first. */
    @Transactional(readOnly = true)
    public List<AuditAlert> openAlerts() {
        return jdbc.sql("""
                SELECT id, raised_at, problem_count, summary FROM audit_alert
                 WHERE acknowledged_at IS NULL ORDER BY id DESC
                """)
            .query((rs, n) -> new AuditAlert(rs.getLong("id"),
                    rs.getObject("raised_at", java.time.OffsetDateTime.class).toInstant(), rs.getInt("problem_count"),
                    rs.getString("summary")))
            .list();
    }

    /**
     * Acknowledges an alert: the reviewer has seen it and takes it from here. Recorded in
     * the review chain with the note. An alert already acknowledged, or unknown, changes
     * nothing.
     * @return whether this call acknowledged it
     */
    @Transactional
    public boolean acknowledge(long alertId, String note, Actor reviewer) {
        reviewer.require(Permission.REVIEW_AUDIT);
        Instant at = clock.instant();
        int changed = jdbc.sql("""
                UPDATE audit_alert SET acknowledged_at = :at, acknowledged_by = :who
                 WHERE id = :id AND acknowledged_at IS NULL
                """)
            .param("at", at.atOffset(ZoneOffset.UTC))
            .param("who", reviewer.username())
            .param("id", alertId)
            .update();
        if (changed == 1) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("alert", alertId);
            payload.put("note", note == null ? "" : note.strip());
            review(at, reviewer.username(), "AUDIT_ALERT_ACKNOWLEDGED", payload);
        }
        return changed == 1;
    }

    private void review(Instant at, String who, String action, Map<String, Object> payload) {
        // the review chain is written from any request: appends are serialised on its
        // lock row
        jdbc.sql("SELECT chain FROM audit_chain_lock WHERE chain = :chain FOR UPDATE")
            .param("chain", Chains.REVIEW)
            .query(String.class)
            .single();
        events.append(new AuditEvents.NewEvent(at, who, action, null, null, null, json.writeValueAsString(payload),
                Chains.REVIEW));
    }

}
