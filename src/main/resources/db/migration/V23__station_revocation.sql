-- Accounts disabled before PrepBench kept when (V22): from now on they count as disabled since this migration, so a
-- central refuses what a station records under them after it (issue 18).
UPDATE users SET disabled_at = CURRENT_TIMESTAMP WHERE enabled = FALSE AND disabled_at IS NULL;

-- A station an admin revoked is not answered any more; its row and its events stay.
ALTER TABLE station ADD COLUMN revoked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE station ADD COLUMN revoked_by VARCHAR(50);
