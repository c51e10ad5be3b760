package prepbench.ui;

import prepbench.preparation.PreparationSession;
import prepbench.preparation.Step;

/** One preparation session: its header and every step. */
public record PreparationPage(PreparationSession session) {

    public boolean isActive(Step step) {
        return session.activeStep().map(active -> active.sequence() == step.sequence()).orElse(false);
    }

    public String statusClass() {
        return switch (session.status()) {
            case IN_PROGRESS -> "text-bg-primary";
            case COMPLETED -> "text-bg-success";
            case FAILED, SERVER_REJECTED -> "text-bg-secondary";
            case LOCKED_FAILED -> "text-bg-danger";
        };
    }
}
