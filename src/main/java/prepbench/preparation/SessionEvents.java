package prepbench.preparation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What happened to a preparation, as past-tense events. The audit trail records each one
 * in the transaction of the change; {@link SessionCompleted} also makes the samples
 * module record a sample.
 */
public final class SessionEvents {

    private SessionEvents() {
    }

    /**
     * Central refused a preparation this station made (issue 18): it is now
     * {@code server_rejected}.
     *
     * @param oldStatus what it was before
     */
    public record SessionRejected(UUID sessionId, String formulaCode, int attemptNo, String oldStatus, String reason,
            Instant at) {
    }

    /**
     * At central: central refused a preparation a station made (issue 18); sealed in a
     * chain of central's own, so the record's {@code server_rejected} is central's
     * decision on record.
     */
    public record StationPreparationRefused(UUID sessionId, String formulaCode, String station, String reason,
            Instant at) {
    }

    /**
     * At a station: the formula's lock as central has it, taken over (issue 18).
     *
     * @param locked whether it is locked now (else released at central)
     * @param reason central's reason for the lock; null for a release
     */
    public record FormulaLockMirrored(String formulaCode, boolean locked, String reason, Instant at) {
    }

    /** A new preparation session was created with all its steps. */
    public record SessionStarted(UUID sessionId, String formulaCode, int versionNo, int attemptNo, String operator,
            String bench, BigDecimal amount, String unit, BigDecimal batchMassG, int stepCount, Instant at) {
    }

    /**
     * An operator started a formula they already had in progress, and got that session
     * back.
     *
     * @param movedFrom the bench the session was at when it was resumed at another one;
     * null when it stayed
     */
    public record SessionResumed(UUID sessionId, String formulaCode, int attemptNo, String operator, String bench,
            String movedFrom, Instant at) {
    }

    /** The right container was scanned for a step. */
    public record ContainerScanned(UUID sessionId, String formulaCode, int sequence, String operator, String codeValue,
            String symbology, String lot, LocalDate expiry, Instant at) {
    }

    /**
     * The lot and expiry of a step's container were typed from its label, which carried
     * neither.
     */
    public record LotEntered(UUID sessionId, String formulaCode, int sequence, String operator, String lot,
            LocalDate expiry, Instant at) {
    }

    /**
     * The session's balance was zeroed, taking away {@code gramsRemoved};
     * {@code sequence} null when no step is active.
     */
    public record BalanceZeroed(UUID sessionId, String formulaCode, Integer sequence, String operator, String bench,
            BigDecimal gramsRemoved, Instant at) {
    }

    /**
     * The vessel on the session's balance was tared for a step, taking away
     * {@code gramsRemoved}: its tare weight.
     */
    public record BalanceTared(UUID sessionId, String formulaCode, int sequence, String operator, String bench,
            BigDecimal gramsRemoved, Instant at) {
    }

    /**
     * A weight was recorded for a step: from the balance or by hand; the step is ok or
     * failed.
     *
     * @param signatureMeaning what the operator's signature on a weight entered by hand
     * means; null otherwise
     */
    public record WeightCaptured(UUID sessionId, String formulaCode, int sequence, String operator, BigDecimal grams,
            boolean stable, boolean manual, String manualReason, String signatureMeaning, BigDecimal targetG,
            BigDecimal lowerLimitG, BigDecimal upperLimitG, String stepStatus, String failureReason, String balance,
            Instant at) {
    }

    /** Every step is weighed inside its tolerance. */
    public record SessionCompleted(UUID sessionId, String formulaCode, int attemptNo, String operator, List<Step> steps,
            Instant at) {
    }

    /**
     * The session ended without completing: aborted ({@code failed}) or by an
     * over-dispense ({@code locked_failed}).
     */
    public record SessionFailed(UUID sessionId, String formulaCode, int attemptNo, String operator, String status,
            String reason, Instant at) {
    }

    /** The formula was locked: no new attempt until a lab lead releases it. */
    public record FormulaLockEngaged(String formulaCode, UUID sessionId, String reason, Instant at) {
    }

    /** A lab lead released the formula's lock with their signature. */
    /**
     * A lab lead released a formula's lock with their signature, whose meaning is
     * {@code meaning}.
     */
    public record FormulaLockReleased(String formulaCode, String releasedBy, String reason, String lockReason,
            String meaning, Instant at) {
    }

    /** A lock release was refused (wrong password, no reason, no permission). */
    public record FormulaLockReleaseRefused(String formulaCode, String attemptedBy, String why, Instant at) {
    }

    /**
     * An action on a session was refused; nothing changed.
     *
     * @param sequence the step acted on; null for a session action
     * @param input what was scanned or typed, cut short; null when there was none
     */
    public record ActionWasRefused(UUID sessionId, String formulaCode, Integer sequence, String operator, String action,
            String code, String message, String input, Instant at) {
    }

}
