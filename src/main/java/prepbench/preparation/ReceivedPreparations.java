package prepbench.preparation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import prepbench.formulas.BatchUnit;
import prepbench.formulas.FormulaCatalog;
import prepbench.formulas.FormulaCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Central's copies of the preparations offline stations made (issue 18, docs/sync.md):
 * built from the station's events as they arrive, in order, after the audit trail has
 * taken each in (its seal and its link checked). The steps are planned again from
 * central's own version of the formula; what happened to them is what the events say.
 * Central decides at the start whether it takes the preparation: not on a version it had
 * retired, nor on a formula it had locked, before the station started it.
 */
@Service
public class ReceivedPreparations {

    private final PreparationSessions sessions;

    private final FormulaCatalog catalog;

    private final PreparationProperties properties;

    private final ApplicationEventPublisher events;

    private final JsonMapper json;

    ReceivedPreparations(PreparationSessions sessions, FormulaCatalog catalog, PreparationProperties properties,
            ApplicationEventPublisher events, JsonMapper json) {
        this.sessions = sessions;
        this.catalog = catalog;
        this.properties = properties;
        this.events = events;
        this.json = json;
    }

    /** One event of a station's preparation, as its trail holds it. */
    public record Received(UUID sessionId, String action, Instant at, String actor, Integer step, String formulaCode,
            String payload) {
    }

    /** What central made of an event. */
    public sealed interface Outcome {

        /** Taken into central's copy, which has this attempt number at central. */
        record Taken(int centralAttemptNo) implements Outcome {
        }

        /** Central refuses the preparation, for this reason. */
        record Rejected(String reason) implements Outcome {
        }

    }

    /**
     * Applies one event to central's copy of the station's preparation, in the caller's
     * transaction: the first (its start) creates it, or refuses it.
     * @param clockOffsetMs how far the station's clock was ahead of central's when the
     * event arrived
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome take(String station, Received event, long clockOffsetMs) {
        SessionId id = new SessionId(event.sessionId());
        JsonNode payload = json.readTree(event.payload());
        if (event.action().equals("SESSION_STARTED")) {
            Optional<PreparationSession> existing = sessions.find(id);
            return existing.isPresent() ? outcome(existing.get()) : start(station, id, event, payload, clockOffsetMs);
        }
        Optional<UUID> formulaId = sessions.formulaOf(id);
        if (formulaId.isEmpty()) {
            return new Outcome.Rejected("Central has not taken the start of this preparation.");
        }
        // the formula's row first, then the session's: the order every change takes
        FormulaAttempts attempts = sessions.lockAttempts(formulaId.get())
            .orElseGet(() -> FormulaAttempts.none(formulaId.get()));
        PreparationSession session = sessions.lock(id).orElseThrow();
        if (!station.equals(session.origin().station())) {
            return new Outcome.Rejected("This preparation was not made at station " + station + ".");
        }
        sessions.recordClockOffset(id, clockOffsetMs);
        // a preparation central refused still shows what the station did; it is not
        // counted, and it does not end again
        boolean refused = session.status() == SessionStatus.SERVER_REJECTED;
        apply(session, event, payload, refused);
        sessions.save(session);
        if (!refused && !session.status().isInProgress()) {
            attempts
                .recordEnd(session.status(), session.endReason(), id.value(), session.endedAt(),
                        properties.lock().maxConsecutiveFailures())
                .ifPresent(
                        lock -> events.publishEvent(new SessionEvents.FormulaLockEngaged(session.formulaCode().value(),
                                lock.sessionId(), lock.reason(), session.endedAt())));
            sessions.save(attempts);
        }
        return outcome(session);
    }

    /**
     * What central has made of the preparation so far: its copy's attempt number, or why
     * it refused it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome current(UUID sessionId) {
        return sessions.find(new SessionId(sessionId))
            .map(ReceivedPreparations::outcome)
            .orElseGet(() -> new Outcome.Rejected("Central has not taken the start of this preparation."));
    }

    /**
     * Central refuses a preparation it took at first (one of its events was signed by an
     * account disabled before): its copy becomes {@code server_rejected} with the reason.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reject(UUID sessionId, String reason, Instant now) {
        sessions.lock(new SessionId(sessionId))
            .filter(session -> session.status() != SessionStatus.SERVER_REJECTED)
            .ifPresent(session -> {
                session.receivedEnd(SessionStatus.SERVER_REJECTED, reason,
                        session.endedAt() != null ? session.endedAt() : now);
                sessions.save(session);
            });
    }

    private Outcome start(String station, SessionId id, Received event, JsonNode payload, long clockOffsetMs) {
        Optional<FormulaCode> code = FormulaCode.tryParse(event.formulaCode());
        int versionNo = payload.path("versionNo").asInt(0);
        var version = code.flatMap(known -> catalog.prepared(known, versionNo));
        if (version.isEmpty()) {
            return new Outcome.Rejected(
                    "Version " + versionNo + " of " + event.formulaCode() + " is not a released version at central.");
        }
        var formula = version.get().formula();
        Optional<BatchUnit> unit = BatchUnit.fromSymbol(text(payload, "unit"));
        BatchPlan plan;
        BatchSize batch;
        try {
            batch = new BatchSize(new BigDecimal(text(payload, "amount")), unit.orElseThrow());
            plan = BatchPlan.of(formula, batch, properties.readabilityG(), properties.maxBatchG());
        }
        catch (RuntimeException notABatch) {
            return new Outcome.Rejected(
                    "The batch of this preparation cannot be prepared at central: " + notABatch.getMessage());
        }
        FormulaAttempts attempts = sessions.lockAttempts(formula.formulaId()).orElse(null);
        if (attempts == null) {
            sessions.insertAttemptsRow(formula.formulaId());
            attempts = sessions.lockAttempts(formula.formulaId()).orElseThrow();
        }
        String refusal = null;
        Instant started = event.at();
        Instant retired = version.get().retiredAt();
        if (retired != null && !retired.isAfter(started)) {
            refusal = "Version " + versionNo + " of " + formula.code().value() + " was retired at central at " + retired
                    + (version.get().retiredReason() == null ? "" : " (" + version.get().retiredReason() + ")")
                    + ", before this preparation started at " + started + ".";
        }
        else if (attempts.isLocked() && !attempts.lockedAt().isAfter(started)) {
            refusal = formula.code().value() + " was locked at central at " + attempts.lockedAt() + " ("
                    + attempts.lockedReason() + "), before this preparation started at " + started + ".";
        }
        int attemptNo = attempts.nextReceivedAttempt();
        sessions.save(attempts);
        PreparationSession session = PreparationSession.received(id, formula, plan, batch, attemptNo, event.actor(),
                text(payload, "bench"), started);
        if (refusal != null) {
            session.receivedEnd(SessionStatus.SERVER_REJECTED, refusal, started);
        }
        sessions.insertReceived(session, station, payload.path("attemptNo").asInt(0));
        sessions.recordClockOffset(id, clockOffsetMs);
        return refusal == null ? new Outcome.Taken(attemptNo) : new Outcome.Rejected(refusal);
    }

    private void apply(PreparationSession session, Received event, JsonNode payload, boolean refused) {
        Optional<Step> step = event.step() == null ? Optional.empty() : session.step(event.step());
        switch (event.action()) {
            case "SESSION_RESUMED" -> {
                if (text(payload, "movedFrom") != null) {
                    sessions.setBench(session.id(), text(payload, "bench"));
                    session.withTaredAt(null);
                }
            }
            case "CONTAINER_SCANNED" -> step.ifPresent(one -> session.receivedStep(one.identified(text(payload, "code"),
                    text(payload, "symbology"), text(payload, "lot"), date(text(payload, "expiry")), event.at())));
            case "LOT_ENTERED" -> step.ifPresent(
                    one -> session.receivedStep(one.withLot(text(payload, "lot"), date(text(payload, "expiry")))));
            case "BALANCE_TARED" -> {
                step.ifPresent(one -> session.receivedStep(one.tared(decimal(payload, "gramsRemoved"))));
                session.withTaredAt(event.at());
            }
            case "BALANCE_ZEROED" -> session.withTaredAt(null);
            case "WEIGHT_CAPTURED", "WEIGHT_ENTERED_MANUALLY" ->
                step.ifPresent(one -> session.receivedStep(one.weighed(decimal(payload, "grams"),
                        payload.path("stable").asBoolean(false), event.action().equals("WEIGHT_ENTERED_MANUALLY"),
                        text(payload, "manualReason"), StepStatus.fromCode(text(payload, "stepStatus")),
                        text(payload, "failureReason"), event.at(), text(payload, "scale"))));
            case "SESSION_COMPLETED", "SESSION_ABORTED", "SESSION_LOCKED" ->
                SessionStatus.fromCode(text(payload, "newStatus"))
                    .ifPresent(ended -> session.receivedEnd(ended, text(payload, "reason"), event.at()));
            default -> {
                // refusals, and the station's record of central's own refusal, change
                // nothing here
            }
        }
    }

    private static Outcome outcome(PreparationSession session) {
        return session.status() == SessionStatus.SERVER_REJECTED ? new Outcome.Rejected(session.endReason())
                : new Outcome.Taken(session.attemptNo());
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static BigDecimal decimal(JsonNode payload, String field) {
        String value = text(payload, field);
        return value == null ? null : new BigDecimal(value);
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

}
