-- History and recall (issue 15). A lot is compared without regard to case or surrounding spaces, so that a recall
-- of "lot-7" finds the step where "LOT-7 " was typed: lot_key is computed by the database from the lot as typed
-- (which stays the record) and can never disagree with it.
ALTER TABLE preparation_step ADD COLUMN lot_key VARCHAR(64) GENERATED ALWAYS AS (UPPER(TRIM(lot))) STORED;
CREATE INDEX ix_step_lot ON preparation_step (lot_key, ingredient_code, session_id);
CREATE INDEX ix_step_ingredient ON preparation_step (ingredient_code, session_id);
-- newest first, a page at a time (keyset: start, then id), alone or with one filter
DROP INDEX ix_session_started;
CREATE INDEX ix_session_started ON preparation_session (started_at, id);
CREATE INDEX ix_session_formula_started ON preparation_session (formula_code, started_at, id);
CREATE INDEX ix_session_operator_started ON preparation_session (operator, started_at, id);
CREATE INDEX ix_session_bench_started ON preparation_session (bench, started_at, id);
