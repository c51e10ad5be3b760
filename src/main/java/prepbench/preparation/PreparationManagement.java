package prepbench.preparation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import prepbench.access.Actor;
import prepbench.entry.Digits;
import prepbench.entry.Text;
import prepbench.access.NotPermitted;
import prepbench.access.Permission;
import prepbench.access.Role;
import prepbench.formulas.FormulaCatalog;
import prepbench.formulas.FormulaCode;
import prepbench.catalog.IngredientManagement;
import prepbench.formulas.ReleasedFormula;
import prepbench.formulas.SignatureVerifier;
import prepbench.preparation.ActionRefused.Reason;
import prepbench.scales.BenchManagement;
import prepbench.scales.Grams;
import prepbench.scales.Reading;
import prepbench.scales.ScaleCommandRefused;

/**
 * Starts, resumes and reads preparation sessions. A start is atomic: the session, all its
 * steps and its audit event commit together or not at all, before the caller gets an
 * answer.
 */
@Service
public class PreparationManagement {

    private static final Pattern BENCH = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final FormulaCatalog catalog;

    private final PreparationSessions sessions;

    private final PreparationProperties properties;

    private final ApplicationEventPublisher events;

    private final TransactionTemplate transaction;

    private final TransactionTemplate readOnly;

    private final Clock clock;

    private final BenchManagement benches;

    private final SignatureVerifier signatures;

    private final IngredientManagement ingredients;

    private final java.util.List<StartCheck> startChecks;

    PreparationManagement(FormulaCatalog catalog, PreparationSessions sessions, PreparationProperties properties,
            ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock,
            BenchManagement benches, SignatureVerifier signatures, IngredientManagement ingredients,
            org.springframework.beans.factory.ObjectProvider<StartCheck> startChecks) {
        this.startChecks = startChecks.orderedStream().toList();
        this.benches = benches;
        this.ingredients = ingredients;
        this.signatures = signatures;
        this.catalog = catalog;
        this.sessions = sessions;
        this.properties = properties;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    /**
     * Resumes the operator's in-progress session of the formula, or creates the next
     * attempt. Concurrent starts of one formula are serialised on its attempt counter
     * row, so attempt numbers stay gapless and an operator never gets two in-progress
     * sessions of one formula, however often and however fast they scan.
     * @throws prepbench.formulas.FormulaNotFound when no formula has the code
     * @throws prepbench.formulas.NoReleasedVersion when the formula cannot be prepared
     * yet
     * @throws FormulaLocked when the formula is locked after a failure
     * @throws InvalidBatch when the batch cannot be prepared (nothing is written)
     * @throws NotPermitted when the operator's role may not prepare
     */
    public StartOutcome startOrResume(StartPreparation command) {
        Actor operator = command.operator();
        operator.require(Permission.PREPARE);
        String bench = command.bench();
        if (bench != null && (!BENCH.matcher(bench).matches() || !benches.exists(bench))) {
            throw new InvalidBench();
        }
        ReleasedFormula formula = catalog.released(command.formulaCode());
        BatchSize batch = command.batch() != null ? command.batch()
                : new BatchSize(formula.defaultAmount(), formula.defaultUnit());
        BatchPlan plan = BatchPlan.of(formula, batch, properties.readabilityG(), properties.maxBatchG());

        for (int tries = 1;; tries++) {
            // after losing a free bench to a concurrent start, take one of the lowest
            // free ones at random, among
            // more with every try, so that many starts at once do not all reach for the
            // same bench again
            int spread = tries == 1 ? 1 : FREE_BENCH_SPREAD << (2 * (tries - 2));
            try {
                StartOutcome outcome = transaction
                    .execute(tx -> startOrResumeLocked(formula, plan, batch, operator, bench, spread));
                if (outcome != null) {
                    return outcome;
                }
                ensureAttemptsRow(formula.formulaId());
            }
            catch (DuplicateKeyException benchTakenMeanwhile) {
                // another start took the free bench between the look and the insert: look
                // again
                if (tries >= MAX_BENCH_TRIES) {
                    throw bench == null ? BenchOccupied.all()
                            : sessions.occupant(bench)
                                .map(occupant -> BenchOccupied.by(bench, occupant))
                                .orElseThrow(() -> benchTakenMeanwhile);
                }
            }
        }
    }

    /**
     * How often a start looks for a free bench again when another start took the one it
     * found.
     */
    private static final int MAX_BENCH_TRIES = 8;

    /**
     * The bench a start or a move goes to: the one asked for when it is free, else one of
     * the {@code spread} lowest free ones at random (the lowest with 1); refused when the
     * one asked for, or every bench, has a preparation in progress.
     */
    private String freeBench(String asked, int spread) {
        if (asked != null) {
            sessions.occupant(asked).ifPresent(occupant -> {
                throw BenchOccupied.by(asked, occupant);
            });
            return asked;
        }
        var occupied = sessions.occupiedBenches();
        List<String> free = benches.ids().stream().filter(id -> !occupied.contains(id)).toList();
        if (free.isEmpty()) {
            throw BenchOccupied.all();
        }
        return free.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(Math.min(free.size(), spread)));
    }

    /**
     * How many of the lowest free benches a start that lost a bench to a concurrent one
     * first chooses among (then four times as many at each try): benches fill from the
     * lowest, and one far up the list stays free for whoever names it unless many starts
     * at once lose to each other again and again.
     */
    private static final int FREE_BENCH_SPREAD = 16;

    /**
     * One transaction: lock the formula's attempt counter, resume the operator's session
     * or create the next attempt. Null when the formula has never been prepared and its
     * counter row does not exist yet.
     */
    private StartOutcome startOrResumeLocked(ReleasedFormula formula, BatchPlan plan, BatchSize batch, Actor operator,
            String bench, int spread) {
        Optional<FormulaAttempts> locked = sessions.lockAttempts(formula.formulaId());
        if (locked.isEmpty()) {
            return null;
        }
        FormulaAttempts attempts = locked.get();
        StartOutcome resumed = resume(formula, operator.username(), bench, spread);
        if (resumed != null) {
            return resumed;
        }
        startChecks.forEach(StartCheck::mayStart);
        int attemptNo = attempts.nextAttempt(formula.code());
        PreparationSession session = PreparationSession.start(formula, plan, batch, attemptNo, operator.username(),
                freeBench(bench, spread), clock.instant());
        sessions.save(attempts);
        sessions.insertNew(session);
        events.publishEvent(new SessionEvents.SessionStarted(session.id().value(), formula.code().value(),
                formula.versionNo(), session.attemptNo(), session.operator(), session.bench(), batch.amount(),
                batch.unit().symbol(), session.batchMassG(), session.steps().size(), session.startedAt()));
        return new StartOutcome(session, true);
    }

    /**
     * The formula's attempt counter row, created by whichever start of it comes first.
     */
    private void ensureAttemptsRow(UUID formulaId) {
        try {
            transaction.executeWithoutResult(tx -> sessions.insertAttemptsRow(formulaId));
        }
        catch (DuplicateKeyException createdMeanwhile) {
            // another start created it first: exactly what was needed
        }
    }

    /**
     * The operator's session of the formula, if one is in progress: at its own bench, or
     * moved to the bench asked for when that one is free (a move is recorded, and the
     * vessel must be tared there again before a capture).
     */
    private StartOutcome resume(ReleasedFormula formula, String operator, String asked, int spread) {
        return sessions.findInProgress(formula.formulaId(), operator)
            .flatMap(sessions::lock)
            .filter(session -> session.status() == SessionStatus.IN_PROGRESS)
            .map(session -> {
                String from = session.bench();
                // a session from before one preparation per bench may hold no bench: it
                // takes one now
                boolean stays = sessions.holdsBench(session.id()) && (asked == null || asked.equals(from));
                if (!stays) {
                    sessions.moveTo(session.id(), freeBench(asked, spread), clock.instant());
                    session = sessions.find(session.id()).orElseThrow();
                }
                events
                    .publishEvent(new SessionEvents.SessionResumed(session.id().value(), session.formulaCode().value(),
                            session.attemptNo(), operator, session.bench(), stays ? null : from, clock.instant()));
                return new StartOutcome(session, false);
            })
            .orElse(null);
    }

    /**
     * The session with all its steps.
     * @throws SessionNotFound when there is no such session
     */
    public PreparationSession get(SessionId id) {
        return find(id).orElseThrow(() -> SessionNotFound.forId(id));
    }

    /** The session with all its steps, if there is one with this id. */
    public Optional<PreparationSession> find(SessionId id) {
        return readOnly.execute(tx -> sessions.find(id));
    }

    /**
     * A page of the sessions matching the query, newest first, with where the next page
     * starts.
     */
    public SessionPage list(SessionQuery query) {
        return readOnly.execute(tx -> sessions.page(query));
    }

    /**
     * The steps of these sessions, by session, in order (for exports: one query for a
     * page of sessions).
     */
    public Map<UUID, List<Step>> stepsOf(List<UUID> sessionIds) {
        return readOnly.execute(tx -> sessions.stepsOf(sessionIds));
    }

    /**
     * The lots of the ingredient that preparations weighed, the latest used first (at
     * most 200).
     */
    public List<LotUse> lotsOf(String ingredientCode) {
        return readOnly.execute(tx -> sessions.lotsOf(ingredientCode, 200));
    }

    /** How many sessions used a formula version, and the newest of them. */
    public record VersionSessions(int total, List<SessionSummary> newest) {

        public VersionSessions {
            newest = List.copyOf(newest);
        }
    }

    /**
     * The sessions that used one formula version: their number and the newest
     * {@code limit} of them.
     */
    public VersionSessions sessionsOfVersion(UUID versionId, int limit) {
        return readOnly.execute(tx -> new VersionSessions(sessions.countOfVersion(versionId),
                sessions.ofVersion(versionId, Math.max(1, Math.min(limit, SessionQuery.MAX_LIMIT)))));
    }

    /** The identity gate: scan the container for the active step. */
    public PreparationSession scanContainer(SessionId id, int sequence, String raw, Actor actor) {
        return act(id, actor, "SCAN", sequence, raw, (session, now) -> session.identifyContainer(sequence, raw, actor,
                LocalDate.ofInstant(now, properties.zone()), now));
    }

    /**
     * Zeroes the session's balance (the empty pan); audited with the weight it took away.
     */
    public PreparationSession zeroBalance(SessionId id, Actor actor) {
        return act(id, actor, "ZERO", null, null, (session, now) -> {
            session.recordZero(actor, benches.reading(session.bench()), now);
            try {
                benches.zero(session.bench());
            }
            catch (ScaleCommandRefused notNow) {
                throw new ActionRefused(Reason.BALANCE_NOT_READY, notNow.text());
            }
        });
    }

    /**
     * The operator's preparation in progress at the bench: zero and tare at a bench are
     * actions of it, so nobody zeroes or tares a balance someone else is weighing on, and
     * every zero and tare is in a record.
     * @throws ActionRefused {@code NO_PREPARATION_HERE} when the bench has no preparation
     * of the operator's
     */
    public SessionId preparationAt(String bench, Actor actor) {
        actor.require(Permission.PREPARE);
        if (bench == null || !benches.exists(bench)) {
            throw new InvalidBench();
        }
        return readOnly.execute(tx -> sessions.atBench(bench, actor.username()))
            .orElseThrow(() -> new ActionRefused(Reason.NO_PREPARATION_HERE,
                    Text.of("refused.prep.no-preparation-here", bench)));
    }

    /**
     * Tares the session's balance for the active step (the empty container on the pan);
     * audited.
     */
    public PreparationSession tareBalance(SessionId id, Actor actor) {
        return act(id, actor, "TARE", null, null, (session, now) -> {
            session.recordTare(actor, benches.reading(session.bench()), properties.weighing().minVesselG(), now);
            try {
                benches.tare(session.bench());
            }
            catch (ScaleCommandRefused notNow) {
                throw new ActionRefused(Reason.BALANCE_NOT_READY, notNow.text());
            }
        });
    }

    /** Captures the bench's current reading for the active step. */
    public PreparationSession captureWeight(SessionId id, int sequence, boolean overTargetConfirmed, Actor actor) {
        return act(id, actor, "CAPTURE", sequence, null, (session, now) -> {
            String bench = session.bench();
            session.captureWeight(sequence, benches.reading(bench), overTargetConfirmed, actor, benches.describe(bench),
                    now);
        });
    }

    /**
     * Fails the active step as an over-dispense, for
     * {@code prepbench.weighing.over-dispense=fail-after}: the balance has read a stable
     * weight above the step's upper limit for {@code held}. Recorded as the operator's
     * capture (they poured it), its balance noting that PrepBench recorded it. Nothing
     * happens unless the bench still reads so now.
     */
    void failOverDispense(SessionId id, int sequence, java.time.Duration held) {
        PreparationSession current = find(id).orElse(null);
        if (current == null || !current.status().isInProgress()) {
            return;
        }
        Actor operator = Actor.withRole(current.operator(), Role.TECHNICIAN);
        act(id, operator, "OVER_DISPENSE", sequence, null, (session, now) -> {
            Reading reading = benches.reading(session.bench());
            if (!session.readsOverLimit(reading) || session.activeStep().orElseThrow().sequence() != sequence) {
                return;
            }
            String balance = benches.describe(session.bench()) + " (above the limit for " + held.toSeconds()
                    + " s: failed by PrepBench)";
            session.captureWeight(sequence, reading, true, operator,
                    balance.length() <= 200 ? balance : balance.substring(0, 199) + "…", now);
        });
    }

    /**
     * Records a weight typed in by hand (lab leads and admins), with a reason and the
     * person's electronic signature: their own password, checked against the stored hash
     * (a wrong one counts towards their lock), and the meaning
     * {@value PreparationSession#MANUAL_MEANING}.
     */
    public PreparationSession enterWeightManually(SessionId id, int sequence, BigDecimal grams, String reason,
            String password, boolean meaningAccepted, Actor actor) {
        return act(id, actor, "MANUAL_ENTRY", sequence, Grams.describe(grams),
                (session, now) -> session.enterWeightManually(
                        sequence, grams, reason, meaningAccepted, () -> password != null && !password.isEmpty()
                                && password.length() <= 200 && signatures.verify(actor.username(), password),
                        actor, now));
    }

    /**
     * Records the lot and expiry typed from the container's label, when the ingredient
     * requires them and the label scanned carried neither.
     * @param expiry as typed, {@code yyyy-MM-dd}; refused when it is no date
     */
    public PreparationSession enterLot(SessionId id, int sequence, String lot, String expiry, Actor actor) {
        return act(id, actor, "LOT", sequence, lot, (session, now) -> {
            LocalDate date;
            try {
                date = expiry == null || expiry.length() > 10 ? null : LocalDate.parse(Digits.western(expiry.strip()));
            }
            catch (java.time.format.DateTimeParseException notADate) {
                date = null;
            }
            session.recordLot(sequence, lot, date, actor, LocalDate.ofInstant(now, properties.zone()), now);
        });
    }

    /**
     * Aborts the session with a reason: it becomes {@code failed}, and a new attempt may
     * follow.
     */
    public PreparationSession abort(SessionId id, String reason, Actor actor) {
        return act(id, actor, "ABORT", null, null, (session, now) -> session.abort(reason, actor, now));
    }

    /**
     * At a station: central refused the preparation (issue 18). It becomes
     * {@code server_rejected} with central's reason, read-only, its bench free; recorded
     * in its chain. Not counted as a failure: central counts what it takes.
     * @return whether it changed (false when it was already rejected, or is unknown)
     */
    public boolean rejectByCentral(SessionId id, String reason) {
        String shown = reason == null || reason.isBlank() ? "Central refused this preparation."
                : reason.length() > PreparationSession.MAX_REASON
                        ? reason.substring(0, PreparationSession.MAX_REASON - 1) + "…" : reason;
        return Boolean.TRUE.equals(transaction.execute(tx -> {
            Optional<UUID> formulaId = sessions.formulaOf(id);
            if (formulaId.isEmpty()) {
                return false;
            }
            sessions.lockAttempts(formulaId.get());
            PreparationSession session = sessions.lock(id).orElseThrow();
            if (session.status() == SessionStatus.SERVER_REJECTED) {
                return false;
            }
            session.rejectedByCentral(shown, clock.instant());
            sessions.save(session);
            session.events().forEach(events::publishEvent);
            return true;
        }));
    }

    /** At a station: the attempt number central gave the preparation (issue 18). */
    public void recordCentralAttempt(SessionId id, int centralAttemptNo) {
        transaction.executeWithoutResult(tx -> sessions.recordCentralAttempt(id, centralAttemptNo));
    }

    /**
     * At a station: the formula locked or not as central has it (issue 18), so a lock
     * made at central or at another station stops it here too, and a release at central
     * frees it. Each change is recorded in the formula's chain.
     * @param centralLockedAt when central locked it; null when it is not locked there
     */
    public void mirrorLock(UUID formulaId, String formulaCode, Instant centralLockedAt, String centralReason) {
        transaction.executeWithoutResult(tx -> {
            FormulaAttempts attempts = sessions.lockAttempts(formulaId).orElse(null);
            if (attempts == null) {
                if (centralLockedAt == null) {
                    return;
                }
                sessions.insertAttemptsRow(formulaId);
                attempts = sessions.lockAttempts(formulaId).orElseThrow();
            }
            Instant now = clock.instant();
            if (attempts.mirror(centralLockedAt, centralReason, now)) {
                sessions.save(attempts);
                events.publishEvent(new SessionEvents.FormulaLockMirrored(formulaCode, centralLockedAt != null,
                        centralReason, now));
            }
        });
    }

    /** The lock of the session's formula, if the formula is locked now. */
    public Optional<FormulaLock> lockOf(PreparationSession session) {
        return readOnly.execute(tx -> sessions.lockOf(session.formulaId()));
    }

    /** The formulas locked now, most recent first. */
    public List<FormulaLock> lockedFormulas() {
        return readOnly.execute(tx -> sessions.locks());
    }

    /** What a signature on a lock release means. */
    public static final String LOCK_RELEASE_MEANING = "released for a new attempt";

    /**
     * Releases a formula's lock with a lab lead's electronic signature: their own
     * password, checked against the stored hash, and a reason. A refusal (no permission,
     * wrong password, no reason) is audited and changes nothing else.
     */
    public void releaseLock(FormulaCode code, Actor actor, String password, String reason) {
        ReleasedFormula formula = catalog.released(code);
        ensureAttemptsRow(formula.formulaId());
        RuntimeException refusal = transaction.execute(tx -> {
            Instant now = clock.instant();
            FormulaAttempts attempts = sessions.lockAttempts(formula.formulaId())
                .orElseGet(() -> FormulaAttempts.none(formula.formulaId()));
            RuntimeException refused = null;
            if (!actor.may(Permission.RELEASE_LOCK)) {
                refused = new NotPermitted(actor.username(), Permission.RELEASE_LOCK);
            }
            else if (!attempts.isLocked()) {
                refused = new ActionRefused(Reason.NOT_LOCKED,
                        Text.of("refused.prep.not-locked", String.valueOf(code)));
            }
            else if (reason == null || reason.isBlank() || reason.strip().length() > PreparationSession.MAX_REASON) {
                refused = new ActionRefused(Reason.REASON_REQUIRED,
                        Text.of("refused.prep.release.reason-required", PreparationSession.MAX_REASON));
            }
            else if (password == null || password.length() > 200 || !signatures.verify(actor.username(), password)) {
                refused = new ActionRefused(Reason.WRONG_PASSWORD, Text.of("refused.prep.release.wrong-password"));
            }
            if (refused != null) {
                events.publishEvent(new SessionEvents.FormulaLockReleaseRefused(code.value(), actor.username(),
                        refused.getMessage(), now));
                return refused;
            }
            String lockReason = attempts.release(code);
            sessions.save(attempts);
            events.publishEvent(new SessionEvents.FormulaLockReleased(code.value(), actor.username(), reason.strip(),
                    lockReason, LOCK_RELEASE_MEANING, now));
            return null;
        });
        if (refusal != null) {
            throw refusal;
        }
    }

    /**
     * Runs an action on a session under its row lock. A change is saved with its events
     * in one transaction; a refusal is audited and committed, then thrown, so the refused
     * request changes nothing but the audit trail.
     */
    private PreparationSession act(SessionId id, Actor actor, String action, Integer sequence, String input,
            BiConsumer<PreparationSession, Instant> change) {
        actor.require(Permission.PREPARE);
        Object result = transaction.execute(tx -> {
            // the formula's row first, then the session's: the same order as a start, so
            // the two never deadlock
            UUID formulaId = sessions.formulaOf(id).orElseThrow(() -> SessionNotFound.forId(id));
            FormulaAttempts attempts = sessions.lockAttempts(formulaId)
                .orElseGet(() -> FormulaAttempts.none(formulaId));
            PreparationSession session = sessions.lock(id).orElseThrow(() -> SessionNotFound.forId(id));
            if (session.origin().station() != null) {
                // central's copy of a station's preparation changes only by the station's
                // events; its chain is the station's, so not even this refusal is written
                // to it
                return new ActionRefused(Reason.AT_STATION,
                        Text.of("refused.prep.at-station", session.origin().station()));
            }
            Instant now = clock.instant();
            try {
                change.accept(session, now);
            }
            catch (ActionRefused | NotPermitted refused) {
                if (refused instanceof WrongContainer wrong) {
                    // a code no ingredient knows may be a new label of this one: a lab
                    // lead decides
                    ingredients.proposeAlias(wrong.expectedIngredientId(), wrong.scannedCodeValue(), actor.username());
                }
                events.publishEvent(new SessionEvents.ActionWasRefused(id.value(), session.formulaCode().value(),
                        sequence, actor.username(), action,
                        refused instanceof ActionRefused rule ? rule.reason().name() : "NOT_PERMITTED",
                        refused.getMessage(),
                        input == null ? null : input.length() > 80 ? input.substring(0, 80) + "…" : input, now));
                return refused;
            }
            sessions.save(session);
            session.events().forEach(events::publishEvent);
            if (!session.status().isInProgress()) {
                // the action ended the attempt: the formula's failures in a row and its
                // lock follow
                attempts
                    .recordEnd(session.status(), session.endReason(), session.id().value(), now,
                            properties.lock().maxConsecutiveFailures())
                    .ifPresent(lock -> events.publishEvent(new SessionEvents.FormulaLockEngaged(
                            session.formulaCode().value(), lock.sessionId(), lock.reason(), now)));
                sessions.save(attempts);
            }
            return session;
        });
        if (result instanceof RuntimeException refused) {
            throw refused;
        }
        return (PreparationSession) result;
    }

}
