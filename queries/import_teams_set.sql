-- For the import's summary: how many known reps get a team, or another one
-- (import_rep_changes.sql).
SELECT count(*) FROM rep_changes WHERE team IS DISTINCT FROM old_team;
