package prepbench.preparation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import prepbench.formulas.FormulaCode;
import prepbench.formulas.ReleasedFormula;

/**
 * One attempt at preparing one released formula version: its header and its steps, in order. The session
 * decides what may happen to it; the steps run in order and only the lowest pending step is active.
 */
public final class PreparationSession {

    private final SessionId id;
    private final UUID formulaId;
    private final UUID formulaVersionId;
    private final FormulaCode formulaCode;
    private final String formulaName;
    private final int versionNo;
    private final int attemptNo;
    private final SessionStatus status;
    private final String operator;
    private final String bench;
    private final BatchSize batch;
    private final BigDecimal batchMassG;
    private final Instant startedAt;
    private final Instant endedAt;
    private final String endReason;
    private final List<Step> steps;

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
        this.steps = List.copyOf(steps);
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
                plan.batchMassG(), now, null, null, steps);
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

    /** The bench the session is weighed at; null when none was chosen. */
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

    public String endReason() {
        return endReason;
    }

    public List<Step> steps() {
        return steps;
    }
}
