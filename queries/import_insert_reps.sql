INSERT INTO reps (rep_id, name, team)
SELECT
    rep_id,
    arg_max(name, snapshot_date),
    arg_max(team, snapshot_date) FILTER (WHERE team IS NOT NULL)
FROM incoming
WHERE NOT EXISTS (SELECT 1 FROM reps AS r WHERE r.rep_id = incoming.rep_id)
GROUP BY rep_id;
