-- Every capture records the balance it came from (issue 11): the bench, the balance's protocol and connection, or
-- SIMULATED for a demo station's simulated balance. Earlier captures keep the bench id they recorded.
ALTER TABLE preparation_step ALTER COLUMN scale_id SET DATA TYPE VARCHAR(200);
