-- For the import's summary: the teams a file gives that are not applied, because its dates are
-- older than the rep's newest snapshot (import_rep_changes.sql).
SELECT name, team_not_applied, old_team, stored_newest
FROM rep_changes
WHERE team_not_applied IS NOT NULL
ORDER BY name, rep_id;
