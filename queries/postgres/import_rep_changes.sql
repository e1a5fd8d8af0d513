-- queries/import_rep_changes.sql: a temp table replaced by dropping it first, and arg_max as the
-- first of the values ordered by date, latest first, each rep's newest stored date read down
-- the index; the same query.
DROP TABLE IF EXISTS rep_changes;
CREATE TEMP TABLE rep_changes AS
WITH latest AS (
    SELECT
        rep_id,
        tidy_name((array_agg(name ORDER BY snapshot_date DESC NULLS LAST))[1]) AS name,
        (array_agg(team ORDER BY snapshot_date DESC NULLS LAST) FILTER (WHERE team IS NOT NULL))[1] AS team,
        max(snapshot_date) AS newest
    FROM resolved
    GROUP BY rep_id
),
stored AS (
    -- Each rep's newest stored date: one step down the index on (rep_id, snapshot_date, ...),
    -- not an aggregate over the reps' whole history (NULL: none stored, as the LEFT JOIN's).
    SELECT l.rep_id,
           (SELECT max(s.snapshot_date) FROM snapshots AS s WHERE s.rep_id = l.rep_id)
               AS stored_newest
    FROM latest AS l
),
judged AS (
    SELECT
        r.rep_id,
        r.name AS old_name,
        r.team AS old_team,
        l.name AS file_name,
        l.team AS file_team,
        s.stored_newest,
        l.newest >= coalesce(s.stored_newest, DATE '0001-01-01') AS is_newest
    FROM reps AS r
    JOIN latest AS l USING (rep_id)
    LEFT JOIN stored AS s USING (rep_id)
)
SELECT
    rep_id,
    old_name,
    old_team,
    CASE WHEN is_newest THEN file_name ELSE old_name END AS name,
    CASE WHEN old_team IS NULL OR is_newest THEN coalesce(file_team, old_team) ELSE old_team END
        AS team,
    CASE WHEN NOT is_newest AND old_team IS NOT NULL AND file_team IS DISTINCT FROM old_team
        THEN file_team END AS team_not_applied,
    stored_newest
FROM judged;
