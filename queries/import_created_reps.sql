-- After import_insert_reps.sql: the reps the import created, kept under its change ($1) with
-- existed = false, so an undo removes them (when nothing else refers to them).
INSERT INTO superseded_reps (change_id, rep_id, existed, name, team, left_on)
SELECT ?, rep_id, false, NULL, NULL, NULL
FROM reps
WHERE rep_id NOT IN (SELECT rep_id FROM reps_before);
