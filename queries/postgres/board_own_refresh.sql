-- queries/board_own_refresh.sql in PostgreSQL's words (a temp table replaced by dropping it
-- first, every subquery named); the same meaning, see there.
DROP TABLE IF EXISTS touched_series;
CREATE TEMP TABLE touched_series AS
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

UPDATE snapshots AS s
SET until = p.until, change = p.change, change_4w = p.change_4w
FROM (
    SELECT
        rep_id, source, snapshot_date, "from",
        coalesce(lead(snapshot_date) OVER w, DATE '9999-12-31') AS until,
        round(ssi - last_value(ssi) OVER (w RANGE BETWEEN UNBOUNDED PRECEDING AND 7 PRECEDING), 3)
            AS change,
        round(ssi - last_value(ssi) OVER (w RANGE BETWEEN UNBOUNDED PRECEDING AND 28 PRECEDING), 3)
            AS change_4w
    FROM (
        SELECT s.rep_id, s.source, s.snapshot_date, s.ssi, t."from",
               s.snapshot_date - DATE '1970-01-01' AS day
        FROM snapshots AS s
        JOIN touched_series AS t USING (rep_id, source)
        WHERE t.since IS NULL OR s.snapshot_date >= t.since
    ) AS recent
    WINDOW w AS (PARTITION BY rep_id, source ORDER BY day)
) AS p
WHERE s.rep_id = p.rep_id
  AND s.source = p.source
  AND s.snapshot_date = p.snapshot_date
  AND (p."from" IS NULL OR p.snapshot_date >= p."from")
  AND (s.until IS DISTINCT FROM p.until
       OR s.change IS DISTINCT FROM p.change
       OR s.change_4w IS DISTINCT FROM p.change_4w);

DROP TABLE touched_series;
