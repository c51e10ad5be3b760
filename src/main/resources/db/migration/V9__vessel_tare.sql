-- The vessel is tared, not weighed (issue 12): a weighing starts from a tare with the vessel on the pan, made for
-- the step after its container was scanned; a zero on an empty pan no longer counts. The session keeps when its
-- vessel was last tared (what zeroed_at held, renamed: a zero no longer sets it), and each step the weight its tare
-- took away. bench_since only served the zero rule (a stable zero seen at the bench before the session came there).
ALTER TABLE preparation_session RENAME COLUMN zeroed_at TO tared_at;
ALTER TABLE preparation_session DROP COLUMN bench_since;
ALTER TABLE preparation_step ADD COLUMN tare_g NUMERIC(18, 6);
