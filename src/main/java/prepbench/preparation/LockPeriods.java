package prepbench.preparation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When each formula was locked, and until when (issue 18), kept in the transaction of
 * each lock and release: central refuses a station's preparation started while the
 * formula was locked here, even when the lock was released before the preparation
 * arrived.
 */
@Component
class LockPeriods {

    /** A period during which the formula was locked. */
    record Period(Instant lockedAt, Instant releasedAt, String reason) {
    }

    private final JdbcClient jdbc;

    LockPeriods(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(SessionEvents.FormulaLockEngaged locked) {
        opened(locked.formulaCode(), locked.at(), locked.reason());
    }

    @EventListener
    void on(SessionEvents.FormulaLockReleased released) {
        closed(released.formulaCode(), released.at());
    }

    @EventListener
    void on(SessionEvents.FormulaLockMirrored mirrored) {
        if (mirrored.locked()) {
            opened(mirrored.formulaCode(), mirrored.at(), mirrored.reason());
        }
        else {
            closed(mirrored.formulaCode(), mirrored.at());
        }
    }

    /** The period in which the formula was locked at that time, if it was. */
    Optional<Period> at(UUID formulaId, Instant at) {
        return jdbc.sql("""
                SELECT locked_at, released_at, reason FROM formula_lock_period
                 WHERE formula_id = :formula AND locked_at <= :at AND (released_at IS NULL OR released_at > :at)
                 ORDER BY locked_at DESC LIMIT 1
                """)
            .param("formula", formulaId)
            .param("at", at.atOffset(ZoneOffset.UTC))
            .query((rs, n) -> new Period(rs.getObject("locked_at", java.time.OffsetDateTime.class).toInstant(),
                    Optional.ofNullable(rs.getObject("released_at", java.time.OffsetDateTime.class))
                        .map(java.time.OffsetDateTime::toInstant)
                        .orElse(null),
                    rs.getString("reason")))
            .optional();
    }

    private void opened(String formulaCode, Instant at, String reason) {
        jdbc.sql("""
                INSERT INTO formula_lock_period (formula_id, locked_at, reason)
                SELECT id, :at, :reason FROM formula WHERE code = :code
                """)
            .param("at", at.atOffset(ZoneOffset.UTC))
            .param("reason", reason == null || reason.length() <= 500 ? reason : reason.substring(0, 499) + "…")
            .param("code", formulaCode)
            .update();
    }

    private void closed(String formulaCode, Instant at) {
        jdbc.sql("""
                UPDATE formula_lock_period SET released_at = :at
                 WHERE released_at IS NULL AND formula_id IN (SELECT id FROM formula WHERE code = :code)
                """).param("at", at.atOffset(ZoneOffset.UTC)).param("code", formulaCode).update();
    }

}
