package prepbench.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

import prepbench.entry.Text;
import prepbench.preparation.ActionRefused;
import prepbench.preparation.FormulaLock;
import prepbench.preparation.PreparationSession;
import prepbench.preparation.Step;
import prepbench.records.SessionView;
import prepbench.samples.Sample;

/**
 * One preparation session: its header, every step, and for the active step the identity
 * gate, the live weight against its tolerance and the actions the signed-in user may
 * take.
 *
 * @param message what the last action said (a refusal, or what happened), worded; null
 * when nothing
 * @param messageText the same as words not yet in a language, when known (the page then
 * marks the data in it); null when only the worded message is (after a redirect)
 * @param messageIsError whether the message is a refusal
 * @param refusal the rule that refused the last action; null when none (the page clears
 * the message once it is no longer true, and shows the over-target confirmation after an
 * unconfirmed over-target capture)
 * @param form which form the message answers ({@code manual}, {@code abort}, …): a
 * refusal of a form with fields is shown at that form, which stays open; null when none
 * @param tared whether the vessel was tared for the active step since its container was
 * scanned
 * @param lock the formula's lock when it is locked now; null otherwise
 * @param demoPanel whether to show the simulated balance's controls
 * @param overDispenseFailsAfterSeconds after how long a stable reading above the limit
 * fails the step by itself ({@code prepbench.weighing.over-dispense=fail-after}); 0 when
 * only a confirmed capture does
 */
public record PreparationPage(SessionView session, String message, Text messageText, boolean messageIsError,
        ActionRefused.Reason refusal, String form, boolean tared, boolean mayEnterManually, boolean mayReleaseLock,
        boolean mayAct, FormulaLock lock, boolean demoPanel, Sample sample, long overDispenseFailsAfterSeconds,
        Long waitingForCentral) {

    /**
     * What a signature on a weight entered by hand means, as it is recorded (the form
     * states it in the reader's language: {@code bench.manual.meaning}).
     */
    public String manualMeaning() {
        return PreparationSession.MANUAL_MEANING;
    }

    /**
     * Where the tolerance band starts and ends on the bar, in percent of its length: 0 g
     * is at 0 %.
     */
    public static final int BAND_START = 60;

    public static final int BAND_END = 85;

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
            case FAILED -> "text-bg-secondary";
            case LOCKED_FAILED, SERVER_REJECTED -> "text-bg-danger";
        };
    }

    /** The status in words. */
    public Text statusWords() {
        return Text.of("session.status." + session.status().code());
    }

    /**
     * What the status means, in a sentence for the bench (the reason an attempt ended is
     * data: as it was recorded).
     */
    public Text statusText() {
        String reason = Objects.toString(session.endReason(), "");
        return switch (session.status()) {
            case IN_PROGRESS -> Text.of("bench.status.in_progress");
            case COMPLETED -> Text.of("bench.status.completed");
            case FAILED -> Text.of("bench.status.failed", reason);
            case LOCKED_FAILED -> Text.of("bench.status.locked_failed", reason);
            case SERVER_REJECTED -> Text.of("bench.status.server_rejected", reason);
        };
    }

    /**
     * The attempt number with where it comes from (issue 18): at a station, provisional
     * until central gives its own; at central, a station's preparation names the station
     * and the number it gave. Null for a preparation made here at a central.
     */
    public Text attemptNote() {
        var origin = session.origin();
        if (origin.station() != null) {
            return Text.of("bench.attempt.from-station", origin.station(), String.valueOf(origin.stationAttemptNo()));
        }
        if (origin.centralAttemptNo() != null) {
            return Text.of("bench.attempt.central", origin.centralAttemptNo());
        }
        return waitingForCentral != null ? Text.of("bench.attempt.provisional") : null;
    }

    /** What to scan for a step, in the form its container's label carries the code. */
    public static Text labelForm(Step step) {
        return switch (step.parser() == null ? "plain" : step.parser()) {
            case "gs1" -> Text.of("bench.label.gs1", step.requiredCodeValue());
            case "kv" -> Text.of("bench.label.kv", "CODE=" + step.requiredCodeValue());
            default -> Text.of("bench.label.plain", step.requiredCodeValue());
        };
    }

    /**
     * The one next thing to do, as the page shows it before the first reading arrives
     * (the page's script keeps it true as readings come).
     */
    public Text nextAction() {
        Optional<Step> active = activeStep();
        if (active.isEmpty()) {
            return null;
        }
        Step step = active.get();
        if (!step.isIdentified()) {
            return Text.of("bench.next.scan", step.ingredientName(), labelForm(step));
        }
        if (step.needsLot()) {
            return Text.of("bench.next.lot");
        }
        return tared ? Text.of("bench.next.pour", step.ingredientName(), Format.grams(step.targetG()))
                : Text.of("bench.next.put-vessel");
    }

    /**
     * When the message stops being true, as the page's script reads it: {@code stable},
     * {@code in-band}, {@code not-over}, {@code live}, {@code moved} (the net weight
     * changed by a gram since the message came); null when only an action can change it.
     */
    public String clearWhen() {
        if (refusal == null) {
            // what an action did is said in place, and goes once the balance moves on
            // (the pour after a tare)
            return messageIsError ? null : "moved";
        }
        return switch (refusal) {
            case UNSTABLE -> "stable";
            case UNDER_TARGET -> "in-band";
            case OVER_TARGET -> "not-over";
            case BALANCE_OFFLINE, BALANCE_OVERLOAD, BALANCE_UNDERLOAD, BALANCE_ERROR, BALANCE_NOT_READY -> "live";
            default -> null;
        };
    }

    /**
     * Whether the message is shown at the form it answers (a form with fields), not at
     * the top of the page.
     */
    public boolean messageAt(String name) {
        return message != null && name.equals(form) && messageIsError;
    }

    /** Whether the message is shown at the top of the page. */
    public boolean messageAtTop() {
        return message != null && !messageAt("manual") && !messageAt("abort") && !messageAt("lot");
    }

    /**
     * Whether the last capture was refused for being over target without confirmation.
     */
    public boolean overTargetRefused() {
        return refusal == ActionRefused.Reason.OVER_TARGET;
    }

    /**
     * Where a weight lies on the step's tolerance bar, in percent: 0 g at 0, the lower
     * limit at {@value #BAND_START}, the upper at {@value #BAND_END}, and as far again
     * past the upper limit at 100 (the band is drawn wide, so a narrow tolerance can be
     * aimed at). The page's script places the live marker the same way.
     */
    public static BigDecimal barPosition(BigDecimal grams, Step step) {
        BigDecimal lower = step.lowerLimitG();
        BigDecimal upper = step.upperLimitG();
        BigDecimal width = upper.subtract(lower);
        BigDecimal position;
        if (grams.compareTo(lower) <= 0) {
            position = lower.signum() <= 0 ? BigDecimal.ZERO
                    : grams.multiply(BigDecimal.valueOf(BAND_START)).divide(lower, 2, RoundingMode.HALF_UP);
        }
        else if (grams.compareTo(upper) <= 0 || width.signum() == 0) {
            position = BigDecimal.valueOf(BAND_START)
                .add(width.signum() == 0 ? BigDecimal.ZERO
                        : grams.subtract(lower)
                            .multiply(BigDecimal.valueOf(BAND_END - BAND_START))
                            .divide(width, 2, RoundingMode.HALF_UP));
        }
        else {
            position = BigDecimal.valueOf(BAND_END)
                .add(grams.subtract(upper)
                    .multiply(BigDecimal.valueOf(100 - BAND_END))
                    .divide(width, 2, RoundingMode.HALF_UP));
        }
        return position.max(BigDecimal.ZERO).min(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP);
    }
}
