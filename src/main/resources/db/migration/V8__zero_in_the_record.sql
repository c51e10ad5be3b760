-- Zero and tare are actions of the preparation on its bench (issue 11): when the balance was last zeroed or tared
-- for the session lives in the database, so a restart forgets nothing, and since when the session holds its bench,
-- so that a zero seen at the bench before it came there (or before it moved there) never counts for it.
ALTER TABLE preparation_session ADD COLUMN zeroed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE preparation_session ADD COLUMN bench_since TIMESTAMP WITH TIME ZONE;
UPDATE preparation_session SET bench_since = started_at;
