-- At most one preparation in progress per bench (issue 11). in_progress_bench equals bench while the session is in
-- progress and holds its bench, NULL otherwise: UNIQUE (in_progress_bench) then allows one per bench, on H2 and
-- PostgreSQL alike. Before this version a bench could have several: the newest keeps it, the others hold no bench
-- until they are resumed at a free one.
ALTER TABLE preparation_session ADD COLUMN in_progress_bench VARCHAR(64);
UPDATE preparation_session SET in_progress_bench = bench
 WHERE status = 'in_progress' AND bench IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM preparation_session newer
                    WHERE newer.status = 'in_progress' AND newer.bench = preparation_session.bench
                      AND (newer.started_at > preparation_session.started_at
                           OR (newer.started_at = preparation_session.started_at
                               AND newer.id > preparation_session.id)));
ALTER TABLE preparation_session ADD CONSTRAINT uq_session_bench_in_progress UNIQUE (in_progress_bench);
ALTER TABLE preparation_session ADD CONSTRAINT ck_session_bench_in_progress
    CHECK (in_progress_bench IS NULL OR (status = 'in_progress' AND in_progress_bench = bench));
