-- The roster (`ssi-tui reps list`): every rep with their first and last snapshot and how many.
SELECT
    r.rep_id,
    r.name,
    r.team,
    r.left_on,
    min(s.snapshot_date) AS first_date,
    max(s.snapshot_date) AS last_date,
    count(s.rep_id) AS snapshots
FROM reps AS r
LEFT JOIN snapshots AS s USING (rep_id)
GROUP BY r.rep_id, r.name, r.team, r.left_on
ORDER BY lower(r.name), r.rep_id;
