-- The reps stored before import_insert_reps.sql runs: import_created_reps.sql tells the new
-- ones from them (a pass over the reps, not over the batch's million rows).
CREATE OR REPLACE TEMP TABLE reps_before AS SELECT rep_id FROM reps;
