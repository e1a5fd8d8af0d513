-- queries/board_own_refresh.sql in PostgreSQL's words (a temp table replaced by dropping it
-- first, every subquery named, the latest stored row per series read down the index); the
-- same meaning, see there.
DROP TABLE IF EXISTS touched_series;
CREATE TEMP TABLE touched_series AS
WITH series AS (
    SELECT rep_id, source, bool_and(status = 'added') AS appends, min(snapshot_date) AS first_new
    FROM staged
    GROUP BY rep_id, source
),
stored AS (
    -- Each series' latest row from before this import: a backward step or two down the index
    -- on (rep_id, snapshot_date, source), not an aggregate over the reps' whole history.
    SELECT n.rep_id, n.source, l.last_stored
    FROM series AS n
    CROSS JOIN LATERAL (
        SELECT s.snapshot_date AS last_stored
        FROM snapshots AS s
        WHERE s.rep_id = n.rep_id AND s.source = n.source
          AND s.import_id NOT IN (SELECT import_id FROM import_files)
        ORDER BY s.snapshot_date DESC
        LIMIT 1
    ) AS l
),
appending AS (
    SELECT n.rep_id, n.source, t.last_stored
    FROM series AS n
    JOIN stored AS t USING (rep_id, source)
    WHERE n.appends AND t.last_stored < n.first_new
)
-- from: the first row whose point may change; since: the first row the window needs (NULL:
-- the whole series).
SELECT
    a.rep_id,
    a.source,
    a.last_stored AS "from",
    (
        SELECT max(s.snapshot_date)
        FROM snapshots AS s
        WHERE s.rep_id = a.rep_id AND s.source = a.source
          AND s.snapshot_date <= a.last_stored - 28
    ) AS since
FROM appending AS a
UNION ALL
SELECT n.rep_id, n.source, NULL, NULL
FROM series AS n
LEFT JOIN stored AS t USING (rep_id, source)
WHERE NOT n.appends OR t.last_stored >= n.first_new;
-- Its planner's row counts (a temp table gets none by itself): the rewrite joins it.
ANALYZE touched_series;
