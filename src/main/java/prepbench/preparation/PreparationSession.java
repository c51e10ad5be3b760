package prepbench.preparation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import prepbench.access.Actor;
import prepbench.access.NotPermitted;
import prepbench.access.Permission;
import prepbench.entry.Text;
import prepbench.formulas.FormulaCode;
import prepbench.formulas.ReleasedFormula;
import prepbench.preparation.ActionRefused.Reason;
import prepbench.scales.Grams;
import prepbench.scales.Reading;
import prepbench.scanning.ContainerLabel;
import prepbench.scanning.ContainerLabels;
import prepbench.scanning.LabelParser;
import prepbench.scanning.LabelRefused;

/**
 * One attempt at preparing one released formula version: its header and its steps, in
 * order. The session decides what may happen to it: steps run in order and only the
 * lowest pending step is active; a step needs its container scanned, then the vessel
 * tared, then a stable weight inside its tolerance. Each change is recorded as an event
 * for the audit trail; each refusal is an {@link ActionRefused}.
 */
public final class PreparationSession {

    private final SessionId id;

    private final UUID formulaId;

    private final UUID formulaVersionId;

    private final FormulaCode formulaCode;

    private final String formulaName;

    private final int versionNo;

    private final int attemptNo;

    private final String operator;

    private final String bench;

    private final BatchSize batch;

    private final BigDecimal batchMassG;

    private final Instant startedAt;

    private SessionStatus status;

    private Instant endedAt;

    private String endReason;

    private Instant taredAt;

    private Origin origin = Origin.HERE;

    private final List<Step> steps;

    private final TreeSet<Integer> changedSteps = new TreeSet<>();

    private final List<Object> events = new ArrayList<>();

    PreparationSession(SessionId id, UUID formulaId, UUID formulaVersionId, FormulaCode formulaCode, String formulaName,
            int versionNo, int attemptNo, SessionStatus status, String operator, String bench, BatchSize batch,
            BigDecimal batchMassG, Instant startedAt, Instant endedAt, String endReason, List<Step> steps) {
        this.id = id;
        this.formulaId = formulaId;
        this.formulaVersionId = formulaVersionId;
        this.formulaCode = formulaCode;
        this.formulaName = formulaName;
        this.versionNo = versionNo;
        this.attemptNo = attemptNo;
        this.status = status;
        this.operator = operator;
        this.bench = bench;
        this.batch = batch;
        this.batchMassG = batchMassG;
        this.startedAt = startedAt;
        this.endedAt = endedAt;
        this.endReason = endReason;
        this.steps = new ArrayList<>(steps);
    }

    /** A new in-progress session with one pending step per formula line. */
    static PreparationSession start(ReleasedFormula formula, BatchPlan plan, BatchSize batch, int attemptNo,
            String operator, String bench, Instant now) {
        return received(SessionId.random(), formula, plan, batch, attemptNo, operator, bench, now);
    }

    /**
     * A new in-progress session with this id: central's copy of a preparation a station
     * started (issue 18) keeps the station's id and start, with central's attempt number
     * and the steps central plans from the same version.
     */
    static PreparationSession received(SessionId id, ReleasedFormula formula, BatchPlan plan, BatchSize batch,
            int attemptNo, String operator, String bench, Instant startedAt) {
        List<Step> steps = new ArrayList<>(plan.steps().size());
        for (BatchPlan.PlannedStep planned : plan.steps()) {
            steps.add(Step.planned(steps.size() + 1, planned));
        }
        return new PreparationSession(id, formula.formulaId(), formula.versionId(), formula.code(), formula.name(),
                formula.versionNo(), attemptNo, SessionStatus.IN_PROGRESS, operator, bench, batch, plan.batchMassG(),
                startedAt, null, null, steps);
    }

    /**
     * At central: a step of a station's preparation as the station's event says it
     * became; the station checked the rules, and central's copy takes what it did.
     */
    void receivedStep(Step changed) {
        replace(changed);
    }

    /** The step at that place (1 for the first). */
    Optional<Step> step(int sequence) {
        return sequence >= 1 && sequence <= steps.size() ? Optional.of(steps.get(sequence - 1)) : Optional.empty();
    }

    /** At central: a station's preparation ended, as the station's event says. */
    void receivedEnd(SessionStatus ended, String reason, Instant at) {
        end(ended, reason, at);
    }

    /**
     * Central refused the preparation (issue 18): it becomes {@code server_rejected},
     * with central's reason, and nothing can change it any more. One that had ended keeps
     * its end time.
     */
    void rejectedByCentral(String reason, Instant now) {
        SessionStatus before = status;
        end(SessionStatus.SERVER_REJECTED, reason, endedAt != null ? endedAt : now);
        events.add(new SessionEvents.SessionRejected(id.value(), formulaCode.value(), attemptNo, before.code(), reason,
                now));
    }

    /**
     * What the session knows of its balance, as stored: when the vessel was last tared
     * for it at its bench (null when never, or not since it moved to another bench).
     */
    PreparationSession withTaredAt(Instant tared) {
        this.taredAt = tared;
        return this;
    }

    /**
     * Where a preparation was made, for one made at an offline station (issue 18).
     *
     * @param station at central: the station that made it; null for one made here
     * @param stationAttemptNo at central: the attempt number the station gave it
     * (provisional)
     * @param centralAttemptNo at a station: the number central gave it, once it has it
     * @param clockOffsetMs at central: how far the station's clock was ahead of central's
     * (negative: behind) when its events arrived; null when not measured
     */
    public record Origin(String station, Integer stationAttemptNo, Integer centralAttemptNo, Long clockOffsetMs) {

        static final Origin HERE = new Origin(null, null, null, null);

    }

    PreparationSession withOrigin(Origin from) {
        this.origin = from;
        return this;
    }

    /**
     * Where the preparation was made, and the attempt numbers station and central gave
     * it.
     */
    public Origin origin() {
        return origin;
    }

    /** When the vessel was last tared for this session at its bench; null when never. */
    public Instant taredAt() {
        return taredAt;
    }

    /**
     * Records that the session's balance was zeroed (an empty pan), with the weight the
     * zero took away; the caller zeroes the balance itself. A zero is not a tare: it
     * never lets a weighing start (an empty beaker put on a zeroed pan would weigh as
     * product), and it undoes the last tare: the pan was empty, so the next tare must
     * have the vessel on again.
     */
    void recordZero(Actor actor, Reading before, Instant now) {
        requireInProgress();
        requireMayAct(actor);
        Integer sequence = activeStep().map(Step::sequence).orElse(null);
        events.add(new SessionEvents.BalanceZeroed(id.value(), formulaCode.value(), sequence, actor.username(), bench,
                before.grams(), now));
        taredAt = null;
    }

    /**
     * The identity gate: accepts the scanned container when its code is one of the step's
     * and its lot has not expired, and records the lot and expiry into the step.
     */
    void identifyContainer(int sequence, String raw, Actor actor, LocalDate today, Instant now) {
        Step step = activeStepForAction(sequence, actor);
        ContainerLabel label;
        try {
            label = ContainerLabels.parse(raw, LabelParser.fromCode(step.parser()).orElse(LabelParser.PLAIN),
                    Clock.fixed(now, ZoneOffset.UTC));
        }
        catch (LabelRefused unreadable) {
            throw new ActionRefused(Reason.UNREADABLE_LABEL, unreadable.text());
        }
        String symbology = label.symbology().orElse(null);
        if (!step.accepts(label.codeValue())) {
            throw new WrongContainer(step.ingredientId(), label.codeValue(), Text.of("refused.prep.wrong-container",
                    shown(label.codeValue()), shown(step.ingredientName()), shown(step.requiredCodeValue())));
        }
        if (!step.allowsSymbology(symbology)) {
            throw new ActionRefused(Reason.SYMBOLOGY_NOT_ALLOWED, Text.of("refused.prep.symbology-not-allowed",
                    shown(symbology), shown(step.ingredientName()), shown(step.allowedSymbologies())));
        }
        if (label.lot().map(lot -> lot.length() > MAX_LOT).orElse(false)) {
            throw new ActionRefused(Reason.UNREADABLE_LABEL, Text.of("refused.prep.lot-too-long", MAX_LOT));
        }
        LocalDate expiry = label.expiry().orElse(null);
        if (expiry != null && expiry.isBefore(today)) {
            throw new ActionRefused(Reason.EXPIRED,
                    Text.of("refused.prep.expired", label.lot().orElse("?"), shown(step.ingredientName()), expiry));
        }
        replace(step.identified(label.codeValue(), symbology, label.lot().orElse(null), expiry, now));
        events.add(new SessionEvents.ContainerScanned(id.value(), formulaCode.value(), sequence, actor.username(),
                label.codeValue(), symbology, label.lot().orElse(null), expiry, now));
    }

    /**
     * Records the lot and expiry typed from the container's label, for a step whose
     * ingredient requires them and whose label carried neither (a bare GTIN or code
     * value). An expired lot is refused as at the scan.
     */
    void recordLot(int sequence, String lot, LocalDate expiry, Actor actor, LocalDate today, Instant now) {
        Step step = activeStepForAction(sequence, actor);
        requireIdentified(step);
        String typed = lot == null ? "" : lot.strip();
        if (typed.isEmpty() || typed.length() > MAX_LOT || expiry == null) {
            throw new ActionRefused(Reason.LOT_REQUIRED, Text.of("refused.prep.lot-required", MAX_LOT));
        }
        if (expiry.isBefore(today)) {
            throw new ActionRefused(Reason.EXPIRED,
                    Text.of("refused.prep.expired", typed, shown(step.ingredientName()), expiry));
        }
        replace(step.withLot(typed, expiry));
        events.add(new SessionEvents.LotEntered(id.value(), formulaCode.value(), sequence, actor.username(), typed,
                expiry, now));
    }

    /**
     * Records that the vessel on the session's balance was tared for the active step,
     * with the weight the tare took away, which the step keeps as its tare weight; the
     * caller tares the balance itself. The first tare at the session's bench, or after a
     * zero, needs the vessel on the pan: a stable reading of at least {@code minVesselG}.
     * A later one (the vessel stays on, holding what earlier steps poured, which may
     * weigh less) needs a reading that is not below the last tare: less means something
     * was taken off the pan.
     */
    void recordTare(Actor actor, Reading before, BigDecimal minVesselG, Instant now) {
        requireInProgress();
        requireMayAct(actor);
        Step step = activeStep().orElseThrow();
        if (!before.capturable()) {
            throw new ActionRefused(Reason.BALANCE_NOT_READY, before.grams() != null
                    ? Text.of("refused.prep.tare.unstable")
                    : Text.of("refused.prep.tare.no-weight", Text.of("refused.scale.state." + before.state().code())));
        }
        if (taredAt == null && before.grams().compareTo(minVesselG) < 0) {
            throw new ActionRefused(Reason.NO_VESSEL,
                    Text.of("refused.prep.tare.no-vessel", Grams.shown(before.grams()), Grams.shown(minVesselG)));
        }
        if (before.grams().signum() < 0) {
            throw new ActionRefused(Reason.NO_VESSEL,
                    Text.of("refused.prep.tare.less-than-before", Grams.shown(before.grams())));
        }
        events.add(new SessionEvents.BalanceTared(id.value(), formulaCode.value(), step.sequence(), actor.username(),
                bench, before.grams(), now));
        taredAt = now;
        if (step.isIdentified()) {
            replace(step.tared(before.grams()));
        }
    }

    /**
     * Whether the reading is a stable weight above the active step's upper limit while
     * that step is ready to be weighed (scanned, its lot on record when required, the
     * vessel tared): an over-pour.
     */
    boolean readsOverLimit(Reading reading) {
        Step step = activeStep().orElse(null);
        return step != null && taredFor(step) && !step.needsLot() && reading.capturable()
                && reading.grams().compareTo(step.upperLimitG()) > 0;
    }

    /**
     * Whether the vessel was tared for an identified step, at the session's bench, since
     * its container was scanned.
     */
    public boolean taredFor(Step step) {
        return step.isIdentified() && taredAt != null && !taredAt.isBefore(step.scannedAt());
    }

    /**
     * Records the balance's reading for the step. Only a stable reading inside the
     * tolerance is accepted; a stable reading above it is an over-dispense, which fails
     * the step and locks the session, recorded only when the technician confirmed it
     * knowing that (else refused, and the refusal audited with the reading). The vessel
     * must have been tared for the step since its container was scanned.
     */
    void captureWeight(int sequence, Reading reading, boolean overTargetConfirmed, Actor actor, String balance,
            Instant now) {
        Step step = activeStepForAction(sequence, actor);
        requireIdentified(step);
        requireLot(step);
        if (!taredFor(step)) {
            throw new ActionRefused(Reason.NOT_TARED, Text.of("refused.prep.not-tared", shown(step.ingredientName())));
        }
        switch (reading.state()) {
            case OFFLINE -> throw new ActionRefused(Reason.BALANCE_OFFLINE, Text.of("refused.prep.balance.offline"));
            case OVERLOAD -> throw new ActionRefused(Reason.BALANCE_OVERLOAD, Text.of("refused.prep.balance.overload"));
            case ERROR -> throw new ActionRefused(Reason.BALANCE_ERROR, Text.of("refused.prep.balance.error"));
            case UNDERLOAD ->
                throw new ActionRefused(Reason.BALANCE_UNDERLOAD, Text.of("refused.prep.balance.underload"));
            default -> {
            }
        }
        if (!reading.capturable()) {
            throw new ActionRefused(Reason.UNSTABLE, Text.of("refused.prep.balance.unstable"));
        }
        if (reading.grams().compareTo(step.upperLimitG()) > 0 && !overTargetConfirmed) {
            throw new ActionRefused(Reason.OVER_TARGET,
                    Text.of("refused.prep.over-target", Grams.shown(reading.grams()), shown(step.ingredientName()),
                            Grams.shown(step.upperLimitG()), shown(formulaCode)));
        }
        record(step, reading.grams(), true, false, null, balance, actor, now);
    }

    /** What a signature on a weight entered by hand means. */
    public static final String MANUAL_MEANING = "weight entered by hand and verified";

    /**
     * Records a weight typed in by someone allowed to, with a reason and their electronic
     * signature (their own password, with the meaning {@value #MANUAL_MEANING}); flagged
     * as manual everywhere. The signature is checked last, so a request refused for
     * anything else never counts as a wrong password.
     * @param passwordMatches checks the password the person typed against their own
     */
    void enterWeightManually(int sequence, BigDecimal grams, String reason, boolean meaningAccepted,
            BooleanSupplier passwordMatches, Actor actor, Instant now) {
        actor.require(Permission.ENTER_MANUAL_WEIGHT);
        Step step = activeStepForAction(sequence, actor);
        requireIdentified(step);
        requireLot(step);
        String why = reason(reason, Text.of("refused.prep.reason-for.manual-weight"));
        if (grams == null || !Grams.inBounds(grams)) {
            throw new ActionRefused(Reason.INVALID_WEIGHT,
                    Text.of("refused.prep.manual.not-a-number", Grams.shown(step.targetG())));
        }
        if (grams.signum() <= 0) {
            throw new ActionRefused(Reason.INVALID_WEIGHT,
                    Text.of("refused.prep.manual.not-positive", Grams.shown(step.targetG())));
        }
        if (grams.compareTo(batchMassG.multiply(BigDecimal.TEN)) > 0) {
            throw new ActionRefused(Reason.INVALID_WEIGHT, Text.of("refused.prep.manual.too-much", Grams.shown(grams),
                    Grams.shown(batchMassG), Grams.shown(step.targetG())));
        }
        if (!meaningAccepted) {
            throw new ActionRefused(Reason.MEANING_REQUIRED, Text.of("refused.prep.manual.meaning-required"));
        }
        if (!passwordMatches.getAsBoolean()) {
            throw new ActionRefused(Reason.WRONG_PASSWORD, Text.of("refused.prep.manual.wrong-password"));
        }
        record(step, grams, true, true, why, null, actor, now);
    }

    /** Ends the session as failed, with the operator's reason. */
    void abort(String reason, Actor actor, Instant now) {
        requireInProgress();
        requireMayAct(actor);
        end(SessionStatus.FAILED, reason(reason, Text.of("refused.prep.reason-for.abort")), now);
        events.add(new SessionEvents.SessionFailed(id.value(), formulaCode.value(), attemptNo, actor.username(),
                status.code(), endReason, now));
    }

    private void record(Step step, BigDecimal grams, boolean stable, boolean manual, String manualReason,
            String balance, Actor actor, Instant now) {
        if (grams.signum() <= 0) {
            throw new ActionRefused(Reason.UNDER_TARGET,
                    Text.of("refused.prep.nothing-weighed", Grams.shown(grams), shown(step.ingredientName())));
        }
        if (grams.compareTo(step.lowerLimitG()) < 0) {
            throw new ActionRefused(Reason.UNDER_TARGET, Text.of("refused.prep.under-target", Grams.shown(grams),
                    shown(step.ingredientName()), Grams.shown(step.lowerLimitG())));
        }
        boolean over = grams.compareTo(step.upperLimitG()) > 0;
        Step weighed = step.weighed(grams, stable, manual, manualReason, over ? StepStatus.FAILED : StepStatus.OK,
                over ? Step.OVER_DISPENSE : null, now, balance);
        replace(weighed);
        events.add(new SessionEvents.WeightCaptured(id.value(), formulaCode.value(), step.sequence(), actor.username(),
                grams, stable, manual, manualReason, manual ? MANUAL_MEANING : null, step.targetG(), step.lowerLimitG(),
                step.upperLimitG(), weighed.status().code(), weighed.failureReason(), balance, now));
        if (over) {
            end(SessionStatus.LOCKED_FAILED, "Over-dispense at step " + step.sequence() + " (" + step.ingredientName()
                    + "): " + Grams.shown(grams) + " g, at most " + Grams.shown(step.upperLimitG()) + " g", now);
            events.add(new SessionEvents.SessionFailed(id.value(), formulaCode.value(), attemptNo, actor.username(),
                    status.code(), endReason, now));
        }
        else if (steps.stream().noneMatch(Step::isPending)) {
            end(SessionStatus.COMPLETED, null, now);
            events.add(new SessionEvents.SessionCompleted(id.value(), formulaCode.value(), attemptNo, actor.username(),
                    List.copyOf(steps), now));
        }
    }

    static final int MAX_REASON = prepbench.entry.Limits.MAX_REASON;
    static final int MAX_LOT = 64;

    private static String reason(String reason, Text what) {
        if (reason == null || reason.isBlank()) {
            throw new ActionRefused(Reason.REASON_REQUIRED, Text.of("refused.prep.reason-required", what));
        }
        if (reason.strip().length() > MAX_REASON) {
            throw new ActionRefused(Reason.REASON_TOO_LONG, Text.of("refused.prep.reason-too-long", MAX_REASON));
        }
        return reason.strip();
    }

    private Step activeStepForAction(int sequence, Actor actor) {
        requireInProgress();
        requireMayAct(actor);
        Step active = activeStep().orElseThrow();
        if (sequence != active.sequence()) {
            boolean done = steps.stream().anyMatch(step -> step.sequence() == sequence && !step.isPending());
            if (done) {
                throw new ActionRefused(Reason.STEP_DONE,
                        Text.of("refused.prep.step-done", sequence, active.sequence(), shown(active.ingredientName())));
            }
            throw new ActionRefused(Reason.NOT_ACTIVE_STEP, Text.of("refused.prep.not-active-step", sequence,
                    active.sequence(), shown(active.ingredientName())));
        }
        return active;
    }

    private void requireInProgress() {
        if (status != SessionStatus.IN_PROGRESS) {
            throw new ActionRefused(Reason.NOT_IN_PROGRESS,
                    Text.of("refused.prep.not-in-progress", Text.of("refused.prep.status." + status.code())));
        }
    }

    private void requireMayAct(Actor actor) {
        if (!actor.username().equals(operator) && !actor.may(Permission.ENTER_MANUAL_WEIGHT)) {
            throw new ActionRefused(Reason.NOT_YOUR_SESSION, Text.of("refused.prep.not-your-session", shown(operator)));
        }
    }

    private static void requireIdentified(Step step) {
        if (!step.isIdentified()) {
            throw new ActionRefused(Reason.NOT_SCANNED,
                    Text.of("refused.prep.not-scanned", shown(step.ingredientName())));
        }
    }

    private static void requireLot(Step step) {
        if (step.needsLot()) {
            throw new ActionRefused(Reason.LOT_REQUIRED,
                    Text.of("refused.prep.lot-not-on-label", shown(step.ingredientName())));
        }
    }

    /**
     * A value for a refusal's words as concatenation shows it ({@code "null"} for none: a
     * {@link Text} holds no null).
     */
    private static String shown(Object value) {
        return String.valueOf(value);
    }

    private void replace(Step step) {
        steps.set(step.sequence() - 1, step);
        changedSteps.add(step.sequence());
    }

    private void end(SessionStatus ended, String reason, Instant now) {
        status = ended;
        endReason = reason;
        endedAt = now;
    }

    /** Events recorded since the session was loaded, oldest first. */
    List<Object> events() {
        return List.copyOf(events);
    }

    /** The steps changed since the session was loaded. */
    List<Step> changedSteps() {
        return changedSteps.stream().map(sequence -> steps.get(sequence - 1)).toList();
    }

    /**
     * The step to work on now: the lowest pending one, while the session is in progress.
     */
    public Optional<Step> activeStep() {
        if (status != SessionStatus.IN_PROGRESS) {
            return Optional.empty();
        }
        return steps.stream().filter(Step::isPending).findFirst();
    }

    public long completedSteps() {
        return steps.stream().filter(step -> step.status() == StepStatus.OK).count();
    }

    /** Whether any step's weight was entered by hand. */
    public boolean hasManualEntries() {
        return steps.stream().anyMatch(Step::manual);
    }

    public SessionId id() {
        return id;
    }

    public UUID formulaId() {
        return formulaId;
    }

    public UUID formulaVersionId() {
        return formulaVersionId;
    }

    public FormulaCode formulaCode() {
        return formulaCode;
    }

    public String formulaName() {
        return formulaName;
    }

    public int versionNo() {
        return versionNo;
    }

    public int attemptNo() {
        return attemptNo;
    }

    public SessionStatus status() {
        return status;
    }

    public String operator() {
        return operator;
    }

    /** The bench the session is weighed at. */
    public String bench() {
        return bench;
    }

    public BatchSize batch() {
        return batch;
    }

    public BigDecimal batchMassG() {
        return batchMassG;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** When the session left {@code in_progress}; null while it is in progress. */
    public Instant endedAt() {
        return endedAt;
    }

    /** Why the session failed; null unless it failed. */
    public String endReason() {
        return endReason;
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

}
