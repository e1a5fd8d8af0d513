-- Before import_update_reps.sql: each rep whose name or team the import changes, as it was,
-- kept under the import's change ($1) so an undo puts it back (migrations/0007_changes.sql).
INSERT INTO superseded_reps (change_id, rep_id, existed, name, team, left_on)
SELECT ?, r.rep_id, true, r.name, r.team, r.left_on
FROM reps AS r
JOIN rep_changes AS c USING (rep_id)
WHERE c.name IS DISTINCT FROM c.old_name OR c.team IS DISTINCT FROM c.old_team;
