-- A rep's name and team follow their newest snapshot: importing old history renames nobody.
-- Read from every incoming row (a renamed rep's scores may well be unchanged). Only a rep whose
-- name or team changes is written: rewriting 10,000 unchanged names took ~0.6 s.
UPDATE reps
SET name = latest.name, team = coalesce(latest.team, reps.team)
FROM (
    SELECT
        rep_id,
        arg_max(name, snapshot_date) AS name,
        arg_max(team, snapshot_date) FILTER (WHERE team IS NOT NULL) AS team,
        max(snapshot_date) AS newest
    FROM incoming
    GROUP BY rep_id
) AS latest
WHERE reps.rep_id = latest.rep_id
  AND (reps.name IS DISTINCT FROM latest.name
       OR reps.team IS DISTINCT FROM coalesce(latest.team, reps.team))
  AND latest.newest >= coalesce(
      (SELECT max(s.snapshot_date) FROM snapshots AS s WHERE s.rep_id = reps.rep_id),
      DATE '0001-01-01'
  );
