package prepbench.records;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import prepbench.entry.Text;
import prepbench.formulas.FormulaCode;
import prepbench.preparation.BatchSize;
import prepbench.preparation.PreparationSession;
import prepbench.preparation.SessionId;
import prepbench.preparation.SessionStatus;
import prepbench.preparation.Step;
import prepbench.preparation.StepStatus;

/**
 * A preparation session as its pages show it: a snapshot of the aggregate's values, so
 * that a template reads what the session was when the page was made and can call none of
 * its rules.
 *
 * @param endedAt null while in progress
 * @param endReason null unless failed, locked or rejected
 * @param activeStep the step to work on now, while in progress
 */
public record SessionView(SessionId id, FormulaCode formulaCode, String formulaName, int versionNo, int attemptNo,
        SessionStatus status, String operator, String bench, BatchSize batch, BigDecimal batchMassG, Instant startedAt,
        Instant endedAt, String endReason, List<Step> steps, Optional<Step> activeStep,
        PreparationSession.Origin origin) {

    public SessionView {
        steps = List.copyOf(steps);
    }

    public static SessionView of(PreparationSession session) {
        return new SessionView(session.id(), session.formulaCode(), session.formulaName(), session.versionNo(),
                session.attemptNo(), session.status(), session.operator(), session.bench(), session.batch(),
                session.batchMassG(), session.startedAt(), session.endedAt(), session.endReason(), session.steps(),
                session.activeStep(), session.origin());
    }

    /** How many steps were weighed inside their tolerance. */
    public long completedSteps() {
        return steps.stream().filter(step -> step.status() == StepStatus.OK).count();
    }

    /** Whether any step's weight was entered by hand. */
    public boolean hasManualEntries() {
        return steps.stream().anyMatch(Step::manual);
    }

    /** A step's status in words, as the bench and the record say it. */
    public static Text stepText(Step step) {
        if (step.status() == StepStatus.FAILED) {
            return Step.OVER_DISPENSE.equals(step.failureReason()) ? Text.of("record.step.failed-over-target")
                    : Text.of("record.step.failed");
        }
        return step.status() == StepStatus.OK ? Text.of("record.step.weighed") : Text.of("record.step.to-weigh");
    }

}
