-- Inside an import's transaction, after its rows are written (not on a first import, whose
-- rows import_insert_snapshots.sql gave their points exactly): bring the points of every
-- (rep, source) that had snapshots before this import and gained or corrected one up to date.
-- The usual weekly import only appends: its new rows are later than every stored one, so only
-- they and the latest stored row (whose `until` moves) are worked out again, from the stored
-- row in force 28 days before that one (the oldest a new point's four-week change can reach).
-- A correction, or a date in the past, has its rep and source worked out whole. This lists
-- those series in `touched_series`; board_points_rewrite.sql works them out.
CREATE OR REPLACE TEMP TABLE touched_series AS
WITH series AS (
    SELECT rep_id, source, bool_and(status = 'added') AS appends, min(snapshot_date) AS first_new
    FROM staged
    GROUP BY rep_id, source
),
stored AS (
    SELECT s.rep_id, s.source, max(s.snapshot_date) AS last_stored
    FROM snapshots AS s
    JOIN series AS n USING (rep_id, source)
    WHERE s.import_id NOT IN (SELECT import_id FROM import_files)
    GROUP BY s.rep_id, s.source
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
