-- When each formula was locked, and until when (issue 18): central refuses a station's preparation started while
-- the formula was locked at central, even when the lock was released before the preparation arrived.
CREATE TABLE formula_lock_period (
    formula_id  UUID                     NOT NULL REFERENCES formula (id),
    locked_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    released_at TIMESTAMP WITH TIME ZONE,
    reason      VARCHAR(500),
    CONSTRAINT pk_formula_lock_period PRIMARY KEY (formula_id, locked_at),
    CONSTRAINT ck_formula_lock_period CHECK (released_at IS NULL OR released_at >= locked_at)
);
-- the locks in force now
INSERT INTO formula_lock_period (formula_id, locked_at, reason)
SELECT formula_id, locked_at, locked_reason FROM formula_attempts WHERE locked_at IS NOT NULL;
