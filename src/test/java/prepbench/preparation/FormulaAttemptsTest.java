package prepbench.preparation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import prepbench.formulas.FormulaCode;

/**
 * The rules of a formula's attempts, without Spring or a database: numbering, failures in
 * a row, lock, release.
 */
class FormulaAttemptsTest {

    private static final FormulaCode CODE = FormulaCode.of("PRM00936");

    private static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");

    private static final UUID SESSION = UUID.randomUUID();

    private final FormulaAttempts attempts = FormulaAttempts.none(UUID.randomUUID());

    @Test
    void attemptsAreNumberedFromOneWithoutAGap() {
        assertThat(attempts.nextAttempt(CODE)).isEqualTo(1);
        assertThat(attempts.nextAttempt(CODE)).isEqualTo(2);
        assertThat(attempts.nextAttempt(CODE)).isEqualTo(3);
        assertThat(attempts.lastAttemptNo()).isEqualTo(3);
    }

    @Test
    void theMaxthFailureInARowLocksAndALockedFormulaStartsNothing() {
        attempts.nextAttempt(CODE);
        assertThat(attempts.recordEnd(SessionStatus.FAILED, "spilled", SESSION, AT, 3)).isEmpty();
        assertThat(attempts.recordEnd(SessionStatus.FAILED, "spilled", SESSION, AT, 3)).isEmpty();
        assertThat(attempts.recordEnd(SessionStatus.FAILED, "spilled", SESSION, AT, 3))
            .contains(new FormulaAttempts.LockEngaged("3 failed attempts in a row", null));

        assertThat(attempts.isLocked()).isTrue();
        assertThat(attempts.lockedAt()).isEqualTo(AT);
        assertThatThrownBy(() -> attempts.nextAttempt(CODE)).isInstanceOfSatisfying(FormulaLocked.class,
                locked -> assertThat(locked.reason()).isEqualTo("3 failed attempts in a row"));
        assertThat(attempts.lastAttemptNo()).as("a refused start takes no number").isEqualTo(1);
    }

    @Test
    void aCompletedAttemptClearsTheFailuresInARow() {
        attempts.recordEnd(SessionStatus.FAILED, "spilled", SESSION, AT, 3);
        attempts.recordEnd(SessionStatus.FAILED, "spilled", SESSION, AT, 3);
        attempts.recordEnd(SessionStatus.COMPLETED, null, SESSION, AT, 3);

        assertThat(attempts.consecutiveFailures()).isZero();
        assertThat(attempts.recordEnd(SessionStatus.FAILED, "spilled", SESSION, AT, 3)).isEmpty();
        assertThat(attempts.isLocked()).isFalse();
    }

    @Test
    void withoutAMaximumFailuresNeverLock() {
        for (int failure = 0; failure < 50; failure++) {
            assertThat(attempts.recordEnd(SessionStatus.FAILED, "spilled", SESSION, AT, 0)).isEmpty();
        }
        assertThat(attempts.isLocked()).isFalse();
        assertThat(attempts.consecutiveFailures()).isEqualTo(50);
    }

    @Test
    void anOverDispenseLocksAtOnceNamingItsAttempt() {
        assertThat(attempts.recordEnd(SessionStatus.LOCKED_FAILED, "OVER_DISPENSE on step 1", SESSION, AT, 3))
            .contains(new FormulaAttempts.LockEngaged("OVER_DISPENSE on step 1", SESSION));
        assertThat(attempts.lockedSessionId()).isEqualTo(SESSION);
        assertThat(attempts.consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void eachFailureInARowPastTheMaximumLocksAgainWithTheNewCount() {
        for (int failure = 0; failure < 3; failure++) {
            attempts.recordEnd(SessionStatus.FAILED, "spilled", SESSION, AT, 3);
        }
        assertThat(attempts.recordEnd(SessionStatus.FAILED, "spilled", SESSION, AT.plusSeconds(1), 3))
            .contains(new FormulaAttempts.LockEngaged("4 failed attempts in a row", null));
        assertThat(attempts.lockedAt()).isEqualTo(AT.plusSeconds(1));
    }

    @Test
    void aReleaseClearsTheLockAndTheFailuresAndOnlyALockedFormulaIsReleased() {
        assertThatThrownBy(() -> attempts.release(CODE)).isInstanceOfSatisfying(ActionRefused.class,
                refused -> assertThat(refused.reason()).isEqualTo(ActionRefused.Reason.NOT_LOCKED));
        attempts.recordEnd(SessionStatus.LOCKED_FAILED, "OVER_DISPENSE", SESSION, AT, 3);

        assertThat(attempts.release(CODE)).isEqualTo("OVER_DISPENSE");

        assertThat(attempts.isLocked()).isFalse();
        assertThat(attempts.lockedReason()).isNull();
        assertThat(attempts.lockedSessionId()).isNull();
        assertThat(attempts.consecutiveFailures()).isZero();
        assertThat(attempts.nextAttempt(CODE)).isEqualTo(1);
    }

    @Test
    void anAttemptStillInProgressChangesNothing() {
        assertThat(attempts.recordEnd(SessionStatus.IN_PROGRESS, null, SESSION, AT, 1)).isEmpty();
        assertThat(attempts.consecutiveFailures()).isZero();
        assertThat(attempts.isLocked()).isFalse();
    }

}
