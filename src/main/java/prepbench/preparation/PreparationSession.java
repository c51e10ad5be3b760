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

import prepbench.access.Actor;
import prepbench.access.NotPermitted;
import prepbench.access.Permission;
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
 * One attempt at preparing one released formula version: its header and its steps, in order. The session decides
 * what may happen to it: steps run in order and only the lowest pending step is active; a step needs its
 * container scanned, then a zeroed or tared balance, then a stable weight inside its tolerance. Each change is
 * recorded as an event for the audit trail; each refusal is an {@link ActionRefused}.
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
    private Instant zeroedAt;
    private Instant benchSince;
    private final List<Step> steps;
    private final TreeSet<Integer> changedSteps = new TreeSet<>();
    private final List<Object> events = new ArrayList<>();

    PreparationSession(SessionId id, UUID formulaId, UUID formulaVersionId, FormulaCode formulaCode,
            String formulaName, int versionNo, int attemptNo, SessionStatus status, String operator, String bench,
            BatchSize batch, BigDecimal batchMassG, Instant startedAt, Instant endedAt, String endReason,
            List<Step> steps) {
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
        List<Step> steps = new ArrayList<>(plan.steps().size());
        for (BatchPlan.PlannedStep planned : plan.steps()) {
            steps.add(Step.planned(steps.size() + 1, planned));
        }
        return new PreparationSession(SessionId.random(), formula.formulaId(), formula.versionId(), formula.code(),
                formula.name(), formula.versionNo(), attemptNo, SessionStatus.IN_PROGRESS, operator, bench, batch,
                plan.batchMassG(), now, null, null, steps).withBalanceState(null, now);
    }

    /**
     * What the session knows of its balance, as stored: when it was last zeroed or tared for it (null when never),
     * and since when it holds its bench (a zero seen there before does not count for it).
     */
    PreparationSession withBalanceState(Instant zeroed, Instant since) {
        this.zeroedAt = zeroed;
        this.benchSince = since;
        return this;
    }

    /** When the balance was last zeroed or tared for this session; null when never. */
    public Instant zeroedAt() {
        return zeroedAt;
    }

    /**
     * Records that the session's balance was zeroed (the empty pan, or the container to be tared away by hand), with
     * the weight the zero took away; the caller zeroes the balance itself.
     */
    void recordZero(Actor actor, Reading before, Instant now) {
        requireInProgress();
        requireMayAct(actor);
        Integer sequence = activeStep().map(Step::sequence).orElse(null);
        events.add(new SessionEvents.BalanceZeroed(id.value(), formulaCode.value(), sequence, actor.username(),
                bench, before.grams(), now));
        zeroedAt = now;
    }

    /**
     * The identity gate: accepts the scanned container when its code is one of the step's and its lot has not
     * expired, and records the lot and expiry into the step.
     */
    void identifyContainer(int sequence, String raw, Actor actor, LocalDate today, Instant now) {
        Step step = activeStepForAction(sequence, actor);
        ContainerLabel label;
        try {
            label = ContainerLabels.parse(raw, LabelParser.fromCode(step.parser()).orElse(LabelParser.PLAIN),
                    Clock.fixed(now, ZoneOffset.UTC));
        } catch (LabelRefused unreadable) {
            throw new ActionRefused(Reason.UNREADABLE_LABEL, unreadable.getMessage());
        }
        String symbology = label.symbology().orElse(null);
        if (!step.accepts(label.codeValue())) {
            throw new WrongContainer(step.ingredientId(), label.codeValue(), "Wrong container: " + label.codeValue() + " is not "
                    + step.ingredientName() + ". Put it back and scan the container of " + step.ingredientName()
                    + " (" + step.requiredCodeValue() + ").");
        }
        if (!step.allowsSymbology(symbology)) {
            throw new ActionRefused(Reason.SYMBOLOGY_NOT_ALLOWED, "This barcode type (" + symbology + ") is not accepted for "
                    + step.ingredientName() + ". Scan the container's " + step.allowedSymbologies() + " code.");
        }
        if (label.lot().map(lot -> lot.length() > MAX_LOT).orElse(false)) {
            throw new ActionRefused(Reason.UNREADABLE_LABEL, "The lot number on this label is longer than "
                    + MAX_LOT + " characters. Check the label, or ask a lab lead.");
        }
        LocalDate expiry = label.expiry().orElse(null);
        if (expiry != null && expiry.isBefore(today)) {
            throw new ActionRefused(Reason.EXPIRED, "Lot " + label.lot().orElse("?") + " of " + step.ingredientName()
                    + " expired on " + expiry + ". Do not use it: fetch a container within its expiry date.");
        }
        replace(step.identified(label.codeValue(), symbology, label.lot().orElse(null), expiry, now));
        events.add(new SessionEvents.ContainerScanned(id.value(), formulaCode.value(), sequence, actor.username(),
                label.codeValue(), symbology, label.lot().orElse(null), expiry, now));
    }

    /**
     * Records that the session's balance was tared for the active step, with the weight the tare took away (so
     * the record shows a tare made after pouring); the caller tares the balance itself.
     */
    void recordTare(Actor actor, Reading before, Instant now) {
        requireInProgress();
        requireMayAct(actor);
        Step step = activeStep().orElseThrow();
        events.add(new SessionEvents.BalanceTared(id.value(), formulaCode.value(), step.sequence(), actor.username(),
                bench, before.grams(), now));
        zeroedAt = now;
    }

    /**
     * Whether the balance was zeroed or tared for an identified step since its container was scanned.
     *
     * @param seenZeroAt as for {@link #captureWeight}
     */
    public boolean zeroedFor(Step step, Instant seenZeroAt) {
        if (!step.isIdentified()) {
            return false;
        }
        Instant seen = seenZeroAt != null && (benchSince == null || !seenZeroAt.isBefore(benchSince)) ? seenZeroAt
                : null;
        Instant zeroed = seen == null ? zeroedAt : zeroedAt == null || seen.isAfter(zeroedAt) ? seen : zeroedAt;
        return zeroed != null && !zeroed.isBefore(step.scannedAt());
    }

    /**
     * Records the balance's reading for the step. Only a stable reading inside the tolerance is accepted; a
     * stable reading above it is an over-dispense, which fails the step and locks the session, recorded only when
     * the technician confirmed it knowing that (else refused, and the refusal audited with the reading).
     *
     * @param seenZeroAt when the bench's balance last read a stable zero or was zeroed or tared, as seen since
     *        PrepBench started; null when never. It counts only from when this session holds the bench; a zero or
     *        tare made for this session (stored with it) counts too.
     */
    void captureWeight(int sequence, Reading reading, Instant seenZeroAt, boolean overTargetConfirmed, Actor actor,
            String scaleId, Instant now) {
        Step step = activeStepForAction(sequence, actor);
        requireIdentified(step);
        if (!zeroedFor(step, seenZeroAt)) {
            throw new ActionRefused(Reason.NOT_ZEROED, "Zero or tare the balance before weighing " + step.ingredientName()
                    + ": put the empty container on the pan and press Tare.");
        }
        switch (reading.state()) {
            case OFFLINE -> throw new ActionRefused(Reason.BALANCE_OFFLINE,
                    "The balance is not answering. Check its cable and power; capture when the reading is live again.");
            case OVERLOAD -> throw new ActionRefused(Reason.BALANCE_OVERLOAD,
                    "The balance is overloaded. Take the load off and check the container.");
            case ERROR -> throw new ActionRefused(Reason.BALANCE_ERROR, "The balance shows no weight in grams (another "
                    + "unit, count mode or an error). Switch it back to grams, then capture.");
            case UNDERLOAD -> throw new ActionRefused(Reason.BALANCE_UNDERLOAD,
                    "The balance reads underload. Put the pan back and zero the balance.");
            default -> { }
        }
        if (!reading.capturable()) {
            throw new ActionRefused(Reason.UNSTABLE, "The balance is not stable. Wait for the stable sign, then capture.");
        }
        if (reading.grams().compareTo(step.upperLimitG()) > 0 && !overTargetConfirmed) {
            throw new ActionRefused(Reason.OVER_TARGET, Grams.shown(reading.grams()) + " g is over the upper limit of "
                    + step.ingredientName() + " (at most " + Grams.shown(step.upperLimitG()) + " g). Recording it "
                    + "fails this attempt and locks formula " + formulaCode + " until a lab lead releases it. Confirm "
                    + "\"Over target\" to record it.");
        }
        record(step, reading.grams(), true, false, null, scaleId, actor, now);
    }

    /** Records a weight typed in by someone allowed to, with a reason; flagged as manual everywhere. */
    void enterWeightManually(int sequence, BigDecimal grams, String reason, Actor actor, Instant now) {
        actor.require(Permission.ENTER_MANUAL_WEIGHT);
        Step step = activeStepForAction(sequence, actor);
        requireIdentified(step);
        String why = reason(reason, "entering the weight by hand");
        if (!Grams.inBounds(grams) || grams.signum() <= 0 || grams.compareTo(batchMassG.multiply(BigDecimal.TEN)) > 0) {
            throw new ActionRefused(Reason.INVALID_WEIGHT, "Enter the weight in grams, more than zero, such as "
                    + Grams.shown(step.targetG()) + ".");
        }
        record(step, grams, true, true, why, null, actor, now);
    }

    /** Ends the session as failed, with the operator's reason. */
    void abort(String reason, Actor actor, Instant now) {
        requireInProgress();
        requireMayAct(actor);
        end(SessionStatus.FAILED, reason(reason, "aborting this preparation"), now);
        events.add(new SessionEvents.SessionFailed(id.value(), formulaCode.value(), attemptNo, actor.username(),
                status.code(), endReason, now));
    }

    private void record(Step step, BigDecimal grams, boolean stable, boolean manual, String manualReason,
            String scaleId, Actor actor, Instant now) {
        if (grams.signum() <= 0) {
            throw new ActionRefused(Reason.UNDER_TARGET, "Nothing is weighed yet: the balance reads "
                    + Grams.shown(grams) + " g. Pour " + step.ingredientName() + ", then capture.");
        }
        if (grams.compareTo(step.lowerLimitG()) < 0) {
            throw new ActionRefused(Reason.UNDER_TARGET, Grams.shown(grams) + " g is below the tolerance of "
                    + step.ingredientName() + " (at least " + Grams.shown(step.lowerLimitG())
                    + " g). Add more, then capture again.");
        }
        boolean over = grams.compareTo(step.upperLimitG()) > 0;
        Step weighed = step.weighed(grams, stable, manual, manualReason, over ? StepStatus.FAILED : StepStatus.OK,
                over ? Step.OVER_DISPENSE : null, now, scaleId);
        replace(weighed);
        events.add(new SessionEvents.WeightCaptured(id.value(), formulaCode.value(), step.sequence(),
                actor.username(), grams, stable, manual, manualReason, step.targetG(), step.lowerLimitG(),
                step.upperLimitG(), weighed.status().code(), weighed.failureReason(), scaleId, now));
        if (over) {
            end(SessionStatus.LOCKED_FAILED, "Over-dispense at step " + step.sequence() + " (" + step.ingredientName()
                    + "): " + Grams.shown(grams) + " g, at most " + Grams.shown(step.upperLimitG()) + " g", now);
            events.add(new SessionEvents.SessionFailed(id.value(), formulaCode.value(), attemptNo, actor.username(),
                    status.code(), endReason, now));
        } else if (steps.stream().noneMatch(Step::isPending)) {
            end(SessionStatus.COMPLETED, null, now);
            events.add(new SessionEvents.SessionCompleted(id.value(), formulaCode.value(), attemptNo,
                    actor.username(), List.copyOf(steps), now));
        }
    }

    static final int MAX_REASON = 500;
    static final int MAX_LOT = 64;

    private static String reason(String reason, String what) {
        if (reason == null || reason.isBlank()) {
            throw new ActionRefused(Reason.REASON_REQUIRED, "Give the reason for " + what + ".");
        }
        if (reason.strip().length() > MAX_REASON) {
            throw new ActionRefused(Reason.REASON_TOO_LONG, "Keep the reason to " + MAX_REASON + " characters.");
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
                throw new ActionRefused(Reason.STEP_DONE, "Step " + sequence + " is already weighed. The active step is "
                        + active.sequence() + " (" + active.ingredientName() + ").");
            }
            throw new ActionRefused(Reason.NOT_ACTIVE_STEP, "Step " + sequence + " is not the active step: weigh step "
                    + active.sequence() + " (" + active.ingredientName() + ") first. Steps run in order.");
        }
        return active;
    }

    private void requireInProgress() {
        if (status != SessionStatus.IN_PROGRESS) {
            throw new ActionRefused(Reason.NOT_IN_PROGRESS, "This preparation is " + status.code()
                    + ": nothing in it can change any more. Scan the formula to start a new attempt.");
        }
    }

    private void requireMayAct(Actor actor) {
        if (!actor.username().equals(operator) && !actor.may(Permission.ENTER_MANUAL_WEIGHT)) {
            throw new ActionRefused(Reason.NOT_YOUR_SESSION, "This preparation belongs to " + operator
                    + ". Only they or a lab lead can work on it; scan the formula to start your own.");
        }
    }

    private static void requireIdentified(Step step) {
        if (!step.isIdentified()) {
            throw new ActionRefused(Reason.NOT_SCANNED, "Scan the container of " + step.ingredientName()
                    + " before weighing it.");
        }
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

    /** The step to work on now: the lowest pending one, while the session is in progress. */
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
