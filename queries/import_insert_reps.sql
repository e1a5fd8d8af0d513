-- The batch's new reps (`resolved`: ids an existing rep is known by are theirs), each with
-- their newest name (tidied: single spaces) and newest team.
INSERT INTO reps (rep_id, name, team)
SELECT
    rep_id,
    tidy_name(arg_max(name, snapshot_date)),
    arg_max(team, snapshot_date) FILTER (WHERE team IS NOT NULL)
FROM resolved
WHERE NOT EXISTS (SELECT 1 FROM reps AS r WHERE r.rep_id = resolved.rep_id)
GROUP BY rep_id;
