package prepbench.preparation;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import prepbench.entry.Text;
import prepbench.formulas.FormulaCode;

/**
 * One formula's attempts: the counter that numbers them without a gap, the failures in a
 * row, and the lock. Loaded under its row lock (which serialises every start, end and
 * release of the formula), changed only here, and saved whole. The rules:
 * <ul>
 * <li>attempts are numbered 1, 2, 3… with no gap: a number is taken only by a start that
 * is saved;</li>
 * <li>a locked formula starts no attempt;</li>
 * <li>a completed attempt clears the failures in a row; a failed one counts; the
 * {@code max}th in a row locks the formula ({@code max} 0: never), and each one more in a
 * row locks it again with the new count;</li>
 * <li>an attempt that failed by over-dispensing ({@code locked_failed}) locks the formula
 * at once, naming it;</li>
 * <li>a release clears the lock and the failures in a row; a formula that is not locked
 * cannot be released.</li>
 * </ul>
 */
final class FormulaAttempts {

    /**
     * Why a lock was engaged: the reason, and the attempt that caused it (null after
     * failures in a row).
     */
    record LockEngaged(String reason, UUID sessionId) {
    }

    private final UUID formulaId;

    private int lastAttemptNo;

    private int consecutiveFailures;

    private Instant lockedAt;

    private String lockedReason;

    private UUID lockedSessionId;

    FormulaAttempts(UUID formulaId, int lastAttemptNo, int consecutiveFailures, Instant lockedAt, String lockedReason,
            UUID lockedSessionId) {
        this.formulaId = formulaId;
        this.lastAttemptNo = lastAttemptNo;
        this.consecutiveFailures = consecutiveFailures;
        this.lockedAt = lockedAt;
        this.lockedReason = lockedReason;
        this.lockedSessionId = lockedSessionId;
    }

    /** A formula never prepared. */
    static FormulaAttempts none(UUID formulaId) {
        return new FormulaAttempts(formulaId, 0, 0, null, null, null);
    }

    /**
     * Takes the next attempt number for a start.
     * @throws FormulaLocked when the formula is locked
     */
    int nextAttempt(FormulaCode code) {
        if (isLocked()) {
            throw new FormulaLocked(code, lockedAt, lockedReason);
        }
        lastAttemptNo++;
        return lastAttemptNo;
    }

    /**
     * Records how an attempt ended and answers the lock it engaged, if it did.
     * @param maxConsecutiveFailures failed attempts in a row that lock the formula; 0
     * never
     */
    Optional<LockEngaged> recordEnd(SessionStatus status, String endReason, UUID sessionId, Instant at,
            int maxConsecutiveFailures) {
        switch (status) {
            case COMPLETED -> consecutiveFailures = 0;
            case LOCKED_FAILED -> {
                consecutiveFailures++;
                return Optional.of(lock(endReason, sessionId, at));
            }
            case FAILED -> {
                consecutiveFailures++;
                if (maxConsecutiveFailures > 0 && consecutiveFailures >= maxConsecutiveFailures) {
                    return Optional.of(lock(consecutiveFailures + " failed attempts in a row", null, at));
                }
            }
            default -> {
                // an attempt still in progress (or rejected elsewhere) has not ended here
            }
        }
        return Optional.empty();
    }

    /**
     * Releases the lock: a new attempt may start, and the failures in a row start again
     * from none.
     * @return the reason the formula was locked for
     * @throws ActionRefused {@code NOT_LOCKED} when it is not locked
     */
    String release(FormulaCode code) {
        if (!isLocked()) {
            throw new ActionRefused(ActionRefused.Reason.NOT_LOCKED,
                    Text.of("refused.prep.not-locked", String.valueOf(code)));
        }
        String reason = lockedReason;
        unlock();
        return reason;
    }

    private void unlock() {
        lockedAt = null;
        lockedReason = null;
        lockedSessionId = null;
        consecutiveFailures = 0;
    }

    /**
     * The next attempt number for a station's preparation arriving at central (issue 18):
     * it was made, so it is counted, even when central has locked the formula since it
     * started.
     */
    int nextReceivedAttempt() {
        lastAttemptNo++;
        return lastAttemptNo;
    }

    /**
     * At a station: the formula as central has it, locked (with central's reason) or not.
     * @return whether anything changed
     */
    boolean mirror(Instant centralLockedAt, String centralReason, Instant now) {
        if (centralLockedAt != null && !isLocked()) {
            lock(centralReason, null, now);
            return true;
        }
        if (centralLockedAt == null && isLocked()) {
            unlock();
            return true;
        }
        return false;
    }

    private LockEngaged lock(String reason, UUID sessionId, Instant at) {
        lockedAt = at;
        lockedReason = reason;
        lockedSessionId = sessionId;
        return new LockEngaged(reason, sessionId);
    }

    boolean isLocked() {
        return lockedAt != null;
    }

    UUID formulaId() {
        return formulaId;
    }

    int lastAttemptNo() {
        return lastAttemptNo;
    }

    int consecutiveFailures() {
        return consecutiveFailures;
    }

    Instant lockedAt() {
        return lockedAt;
    }

    String lockedReason() {
        return lockedReason;
    }

    UUID lockedSessionId() {
        return lockedSessionId;
    }

}
