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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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

    /** Transactions of their own, beside the caller's. */
    private final TransactionTemplate own;

    private final LockPeriods lockPeriods;

    ReceivedPreparations(PreparationSessions sessions, FormulaCatalog catalog, PreparationProperties properties,
            ApplicationEventPublisher events, JsonMapper json, PlatformTransactionManager transactions,
            LockPeriods lockPeriods) {
        this.lockPeriods = lockPeriods;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
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
     * transaction: the first (its start) creates it, or refuses it. A copy central
     * refused still takes what the station did, but never ends again and is never
     * counted.
     * @param clockOffsetMs how far the station's clock was ahead of central's when the
     * event arrived: the rules compare central's times with the station's corrected by it
     * @param refusal why central refuses the preparation with this event (an account
     * disabled before it), decided by the caller; null when it does not
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome take(String station, Received event, long clockOffsetMs, String refusal) {
        SessionId id = new SessionId(event.sessionId());
        JsonNode payload = json.readTree(event.payload());
        if (event.action().equals("SESSION_STARTED")) {
            Optional<PreparationSession> existing = sessions.find(id);
            return existing.isPresent() ? outcome(existing.get())
                    : start(station, id, event, payload, clockOffsetMs, refusal);
        }
        Optional<UUID> formulaId = sessions.formulaOf(id);
        if (formulaId.isEmpty()) {
            // its start was refused before central could make a copy (a version central
            // does not have)
            return new Outcome.Rejected("Central did not take the start of this preparation.");
        }
        // the formula's row first, then the session's: the order every change takes
        FormulaAttempts attempts = sessions.lockAttempts(formulaId.get())
            .orElseGet(() -> FormulaAttempts.none(formulaId.get()));
        PreparationSession session = sessions.lock(id).orElseThrow();
        if (!station.equals(session.origin().station())) {
            return new Outcome.Rejected("This preparation was not made at station " + station + ".");
        }
        sessions.recordClockOffset(id, clockOffsetMs);
        if (refusal != null && session.status() != SessionStatus.SERVER_REJECTED) {
            refuse(session, station, refusal, event.at());
        }
        boolean refused = session.status() == SessionStatus.SERVER_REJECTED;
        boolean wasInProgress = session.status().isInProgress();
        String inconsistency = apply(session, event, payload, refused);
        if (inconsistency != null && !refused) {
            // what the station says it did is not what its own weights and central's
            // limits say: not taken
            refuse(session, station, inconsistency, event.at());
        }
        sessions.save(session);
        if (refused && event.action().equals("SESSION_LOCKED")) {
            // an over-dispense at the station happened whatever central makes of the
            // preparation: the formula is locked at central too (and so at every
            // station), until a lab lead has looked into it
            recordEnd(attempts, session, SessionStatus.LOCKED_FAILED,
                    text(payload, "reason") + " (at station " + station + ", in a preparation central refused)",
                    event.at());
        }
        if (wasInProgress && !session.status().isInProgress() && session.status() != SessionStatus.SERVER_REJECTED) {
            // counted once, when it ends
            recordEnd(attempts, session, session.status(), session.endReason(), session.endedAt());
        }
        return outcome(session);
    }

    /** The end counted toward the formula's lock; the lock it engages, announced. */
    private void recordEnd(FormulaAttempts attempts, PreparationSession session, SessionStatus status, String reason,
            Instant at) {
        attempts.recordEnd(status, reason, session.id().value(), at, properties.lock().maxConsecutiveFailures())
            .ifPresent(lock -> events.publishEvent(new SessionEvents.FormulaLockEngaged(session.formulaCode().value(),
                    lock.sessionId(), lock.reason(), at)));
        sessions.save(attempts);
    }

    /**
     * What central has made of the preparation so far: its copy's attempt number, or why
     * it refused it; empty while central has no copy (its start has not arrived).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Outcome> current(UUID sessionId) {
        return sessions.find(new SessionId(sessionId)).map(ReceivedPreparations::outcome);
    }

    private Outcome start(String station, SessionId id, Received event, JsonNode payload, long clockOffsetMs,
            String disabledAccount) {
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
        FormulaAttempts attempts = sessions.lockAttempts(formula.formulaId())
            .orElseThrow(
                    () -> new IllegalStateException("the formula's attempt counter row is created before its start"));
        String refusal = disabledAccount;
        // the station's time as central's clock had it: a station clock set back gains
        // nothing
        Instant started = event.at().minusMillis(clockOffsetMs);
        Instant retired = version.get().retiredAt();
        if (retired != null && !retired.isAfter(started)) {
            refusal = "Version " + versionNo + " of " + formula.code().value() + " was retired at central at " + retired
                    + (version.get().retiredReason() == null ? "" : " (" + version.get().retiredReason() + ")")
                    + ", before this preparation started at " + started + ".";
        }
        else {
            var locked = lockPeriods.at(formula.formulaId(), started);
            if (locked.isPresent()) {
                var period = locked.get();
                refusal = formula.code().value() + " was locked at central at " + period.lockedAt() + " ("
                        + period.reason() + ")" + (period.releasedAt() == null ? "" : " until " + period.releasedAt())
                        + ", when this preparation started at " + started + ".";
            }
        }
        int attemptNo = attempts.nextReceivedAttempt();
        sessions.save(attempts);
        PreparationSession session = PreparationSession.received(id, formula, plan, batch, attemptNo, event.actor(),
                text(payload, "bench"), event.at());
        sessions.insertReceived(session, station, payload.path("attemptNo").asInt(0));
        if (refusal != null) {
            refuse(session, station, refusal, event.at());
            sessions.save(session);
        }
        sessions.recordClockOffset(id, clockOffsetMs);
        return refusal == null ? new Outcome.Taken(attemptNo) : new Outcome.Rejected(refusal);
    }

    /**
     * Central's copy becomes {@code server_rejected}, and central's decision is sealed.
     */
    private void refuse(PreparationSession session, String station, String reason, Instant at) {
        session.receivedEnd(SessionStatus.SERVER_REJECTED, reason, session.endedAt() != null ? session.endedAt() : at);
        events.publishEvent(new SessionEvents.StationPreparationRefused(session.id().value(),
                session.formulaCode().value(), station, reason, at));
    }

    /**
     * The formula's attempt counter row, created in a transaction of its own before a
     * station's start of it is taken (a concurrent creation, by central or another
     * station, is just as good).
     */
    public void prepareFor(Received start) {
        if (!start.action().equals("SESSION_STARTED")) {
            return;
        }
        FormulaCode.tryParse(start.formulaCode()).flatMap(catalog::find).ifPresent(formula -> {
            try {
                own.executeWithoutResult(tx -> {
                    if (sessions.lockAttempts(formula.id()).isEmpty()) {
                        sessions.insertAttemptsRow(formula.id());
                    }
                });
            }
            catch (org.springframework.dao.DuplicateKeyException createdMeanwhile) {
                // another start created it first: exactly what was needed
            }
        });
    }

    /**
     * The station's event applied to central's copy.
     * @return why the event contradicts central's own reading of it (a weight outside
     * central's limits recorded as in tolerance, a completion with steps not weighed), or
     * null
     */
    private String apply(PreparationSession session, Received event, JsonNode payload, boolean refused) {
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
            case "WEIGHT_CAPTURED", "WEIGHT_ENTERED_MANUALLY" -> {
                if (step.isEmpty()) {
                    return "The station weighed step " + event.step() + ", which central's plan does not have.";
                }
                Step planned = step.get();
                BigDecimal grams = decimal(payload, "grams");
                StepStatus said = StepStatus.fromCode(text(payload, "stepStatus"));
                StepStatus within = grams.compareTo(planned.lowerLimitG()) >= 0
                        && grams.compareTo(planned.upperLimitG()) <= 0 ? StepStatus.OK : StepStatus.FAILED;
                session.receivedStep(planned.weighed(grams, payload.path("stable").asBoolean(false),
                        event.action().equals("WEIGHT_ENTERED_MANUALLY"), text(payload, "manualReason"), said,
                        text(payload, "failureReason"), event.at(), text(payload, "scale")));
                if (said != within) {
                    return "Step " + planned.sequence() + " (" + planned.ingredientName() + "): the station recorded "
                            + grams.toPlainString() + " g as " + said.code() + ", and central's limits are "
                            + planned.lowerLimitG().toPlainString() + " – " + planned.upperLimitG().toPlainString()
                            + " g.";
                }
            }
            case "SESSION_COMPLETED", "SESSION_ABORTED", "SESSION_LOCKED" -> {
                Optional<SessionStatus> ended = SessionStatus.fromCode(text(payload, "newStatus"));
                if (refused || ended.isEmpty()) {
                    return null;
                }
                if (ended.get() == SessionStatus.COMPLETED
                        && session.steps().stream().anyMatch(one -> one.status() != StepStatus.OK)) {
                    return "The station recorded this preparation as completed, and not every step was weighed "
                            + "inside its limits.";
                }
                session.receivedEnd(ended.get(), text(payload, "reason"), event.at());
            }
            default -> {
                // refusals, and the station's record of central's own refusal, change
                // nothing here
            }
        }
        return null;
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
