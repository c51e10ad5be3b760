package prepbench.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import prepbench.preparation.PreparationSession;
import prepbench.preparation.SessionStatus;
import prepbench.preparation.Step;
import prepbench.samples.Sample;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The batch record is what its chain says: replays a session's events into the values
 * they set (status, times, bench, each step's container, lot, expiry, weight, manual
 * entry and reason, balance, and the sample) and reports every value of the stored record
 * that differs, naming the field and the event that set it. A record that has ended while
 * its chain has no ending event was cut short.
 */
final class RecordCheck {

    /** What the events say about one step. */
    private static final class StepState {

        String code;

        String lot;

        LocalDate expiry;

        long lotEvent;

        BigDecimal grams;

        String status;

        boolean manual;

        String manualReason;

        String scale;

        Instant capturedAt;

        long weightEvent;

    }

    private final JsonMapper json;

    private final ChainWalk walk;

    private String status;

    private Instant startedAt;

    private Instant endedAt;

    private long statusEvent;

    /**
     * When the chain's completion happened: a completed preparation central refused keeps
     * its sample.
     */
    private Instant completedAt;

    private String bench;

    private long benchEvent;

    private final Map<Integer, StepState> steps = new HashMap<>();

    private RecordCheck(JsonMapper json, ChainWalk walk) {
        this.json = json;
        this.walk = walk;
    }

    /**
     * Adds to the walk's problems every value of the record its events do not support.
     */
    static void check(JsonMapper json, ChainWalk walk, List<AuditEvent> events, PreparationSession session,
            Optional<Sample> sample) {
        check(json, walk, events, session, sample, List.of());
    }

    /**
     * @param decisions central's own chain of decisions about a station's preparation:
     * its refusal, which the record's {@code server_rejected} must match
     */
    static void check(JsonMapper json, ChainWalk walk, List<AuditEvent> events, PreparationSession session,
            Optional<Sample> sample, List<AuditEvent> decisions) {
        RecordCheck check = new RecordCheck(json, walk);
        events.forEach(check::replay);
        check.compare(session, sample);
        check.compareDecision(session, decisions);
    }

    /**
     * Central's copy of a station's preparation is {@code server_rejected} exactly when
     * central sealed a refusal of it, with the reason the record gives.
     */
    private void compareDecision(PreparationSession session, List<AuditEvent> decisions) {
        if (session.origin().station() == null) {
            return;
        }
        AuditEvent refusal = decisions.stream()
            .filter(event -> event.action().equals("PREPARATION_REFUSED"))
            .reduce((first, second) -> second)
            .orElse(null);
        boolean rejected = session.status() == SessionStatus.SERVER_REJECTED;
        if (rejected && refusal == null) {
            walk.problem(null, AuditProblem.Kind.ALTERED, "status",
                    "the record says server_rejected, and central sealed no refusal of it");
        }
        else if (!rejected && refusal != null) {
            walk.problem(null, AuditProblem.Kind.ALTERED, "status", "the record says " + session.status().code()
                    + ", and central sealed its refusal (event " + refusal.id() + ")");
        }
        else if (refusal != null) {
            String reason;
            try {
                reason = text(json.readTree(refusal.payload()), "reason");
            }
            catch (RuntimeException unreadable) {
                reason = null;
            }
            walk.differs("end reason", session.endReason(), reason, refusal.id());
        }
    }

    private void replay(AuditEvent event) {
        JsonNode payload;
        try {
            payload = json.readTree(event.payload());
        }
        catch (RuntimeException unreadable) {
            return;
        }
        StepState step = event.stepSequence() == null ? null
                : steps.computeIfAbsent(event.stepSequence(), sequence -> new StepState());
        switch (event.action()) {
            case "SESSION_STARTED" -> {
                status = SessionStatus.IN_PROGRESS.code();
                startedAt = event.at();
                statusEvent = event.id();
                bench = text(payload, "bench");
                benchEvent = event.id();
            }
            case "SESSION_RESUMED" -> {
                bench = text(payload, "bench");
                benchEvent = event.id();
            }
            case "SESSION_COMPLETED", "SESSION_ABORTED", "SESSION_LOCKED" -> {
                status = text(payload, "newStatus");
                endedAt = event.at();
                statusEvent = event.id();
                if (event.action().equals("SESSION_COMPLETED")) {
                    completedAt = event.at();
                }
            }
            case "SESSION_REJECTED" -> {
                // central refused it (issue 18): a preparation that had ended keeps its
                // end
                if (endedAt == null) {
                    endedAt = event.at();
                }
                status = text(payload, "newStatus");
                statusEvent = event.id();
            }
            case "CONTAINER_SCANNED" -> {
                if (step != null) {
                    step.code = text(payload, "code");
                    step.lot = text(payload, "lot");
                    step.expiry = date(text(payload, "expiry"));
                    step.lotEvent = event.id();
                }
            }
            case "LOT_ENTERED" -> {
                if (step != null) {
                    step.lot = text(payload, "lot");
                    step.expiry = date(text(payload, "expiry"));
                    step.lotEvent = event.id();
                }
            }
            case "WEIGHT_CAPTURED", "WEIGHT_ENTERED_MANUALLY" -> {
                if (step != null) {
                    step.grams = new BigDecimal(text(payload, "grams"));
                    step.status = text(payload, "stepStatus");
                    step.manual = event.action().equals("WEIGHT_ENTERED_MANUALLY");
                    step.manualReason = text(payload, "manualReason");
                    step.scale = text(payload, "scale");
                    step.capturedAt = event.at();
                    step.weightEvent = event.id();
                }
            }
            default -> {
                // refusals, zero and tare set nothing the record shows
            }
        }
    }

    private void compare(PreparationSession session, Optional<Sample> sample) {
        if (status == null) {
            walk.problem(null, AuditProblem.Kind.TRUNCATED, "status",
                    "the record exists, and its chain has no " + "event that started it");
            return;
        }
        // central's refusal of a station's preparation is central's decision, checked
        // against central's own chain (compareDecision), not the station's
        boolean refusedByCentral = session.status() == SessionStatus.SERVER_REJECTED
                && session.origin().station() != null;
        if (!refusedByCentral && !session.status().isInProgress() && status.equals(SessionStatus.IN_PROGRESS.code())) {
            walk.problem(null, AuditProblem.Kind.TRUNCATED, "status",
                    "the record says " + session.status().code() + ", and its chain has no event that ended it");
        }
        else if (!refusedByCentral) {
            walk.differs("status", session.status().code(), status, statusEvent);
            walk.differs("ended", session.endedAt(), endedAt, statusEvent);
        }
        walk.differs("started", session.startedAt(), startedAt, statusEvent);
        walk.differs("bench", session.bench(), bench, benchEvent);
        for (Step step : session.steps()) {
            StepState said = steps.getOrDefault(step.sequence(), new StepState());
            String name = "step " + step.sequence() + " ";
            walk.differs(name + "container", step.scannedCode(), said.code, said.lotEvent);
            walk.differs(name + "lot", step.lot(), said.lot, said.lotEvent);
            walk.differs(name + "expiry", step.expiry(), said.expiry, said.lotEvent);
            walk.differs(name + "captured weight", step.capturedG(), said.grams, said.weightEvent);
            walk.differs(name + "status", step.capturedG() == null && said.status == null ? null : step.status().code(),
                    said.status, said.weightEvent);
            walk.differs(name + "manual entry", step.manual(), said.manual, said.weightEvent);
            walk.differs(name + "manual reason", step.manualReason(), said.manualReason, said.weightEvent);
            walk.differs(name + "balance", step.balance(), said.scale, said.weightEvent);
            walk.differs(name + "captured at", step.capturedAt(), said.capturedAt, said.weightEvent);
        }
        sample.ifPresent(recorded -> compareSample(recorded, session));
    }

    private void compareSample(Sample sample, PreparationSession session) {
        if (completedAt == null) {
            walk.problem(null, AuditProblem.Kind.ALTERED, "sample",
                    "a sample " + sample.code() + " is on record, " + "and the chain has no completion");
            return;
        }
        walk.differs("sample recorded at", sample.recordedAt(), completedAt, statusEvent);
        BigDecimal total = BigDecimal.ZERO;
        for (Sample.Line line : sample.lines()) {
            StepState said = steps.getOrDefault(line.sequence(), new StepState());
            String name = "sample line " + line.sequence() + " ";
            walk.differs(name + "actual weight", line.actualG(), said.grams, said.weightEvent);
            walk.differs(name + "lot", line.lot(), said.lot, said.lotEvent);
            walk.differs(name + "expiry", line.expiry(), said.expiry, said.lotEvent);
            walk.differs(name + "manual entry", line.manual(), said.manual, said.weightEvent);
            total = total.add(said.grams == null ? BigDecimal.ZERO : said.grams);
        }
        walk.differs("sample actual weight", sample.actualG(), total, statusEvent);
        if (sample.lines().size() != session.steps().size()) {
            walk.problem(null, AuditProblem.Kind.ALTERED, "sample lines",
                    "the sample has " + sample.lines().size() + " lines for " + session.steps().size() + " steps");
        }
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

}
