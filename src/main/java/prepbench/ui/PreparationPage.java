package prepbench.ui;

import java.util.Optional;

import prepbench.preparation.FormulaLock;
import prepbench.preparation.PreparationSession;
import prepbench.preparation.Step;
import prepbench.samples.Sample;

/**
 * One preparation session: its header, every step, and for the active step the identity gate, the live weight
 * and the actions the signed-in user may take.
 *
 * @param message what the last action said (a refusal, or what happened); null when nothing
 * @param messageIsError whether the message is a refusal
 * @param lock the formula's lock when it is locked now; null otherwise
 * @param demoPanel whether to show the simulated balance's controls
 */
public record PreparationPage(PreparationSession session, String message, boolean messageIsError,
        boolean mayEnterManually, boolean mayReleaseLock, boolean mayAct, FormulaLock lock, boolean demoPanel,
        Sample sample) {

    public Optional<Step> activeStep() {
        return mayAct ? session.activeStep() : Optional.empty();
    }

    public boolean isActive(Step step) {
        return session.activeStep().map(active -> active.sequence() == step.sequence()).orElse(false);
    }

    public String base() {
        return "/preparations/" + session.id();
    }

    public String statusClass() {
        return switch (session.status()) {
            case IN_PROGRESS -> "text-bg-primary";
            case COMPLETED -> "text-bg-success";
            case FAILED, SERVER_REJECTED -> "text-bg-secondary";
            case LOCKED_FAILED -> "text-bg-danger";
        };
    }

    /** What the status means, in a sentence for the bench. */
    public String statusText() {
        return switch (session.status()) {
            case IN_PROGRESS -> "In progress: weigh the highlighted step.";
            case COMPLETED -> "Completed: every ingredient was weighed inside its tolerance.";
            case FAILED -> "Aborted: " + session.endReason() + ". Scan the formula to start a new attempt.";
            case LOCKED_FAILED -> "Failed and locked: " + session.endReason() + ".";
            case SERVER_REJECTED -> "Rejected by the central server: " + session.endReason() + ".";
        };
    }
}
