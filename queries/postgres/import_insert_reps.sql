-- queries/import_insert_reps.sql with arg_max as the first of the values ordered by date, latest
-- first (an aggregate of PostgreSQL's own, many times faster than one written in SQL).
INSERT INTO reps (rep_id, name, team)
SELECT
    rep_id,
    tidy_name((array_agg(name ORDER BY snapshot_date DESC NULLS LAST))[1]),
    (array_agg(team ORDER BY snapshot_date DESC NULLS LAST) FILTER (WHERE team IS NOT NULL))[1]
FROM resolved
WHERE NOT EXISTS (SELECT 1 FROM reps AS r WHERE r.rep_id = resolved.rep_id)
GROUP BY rep_id;
