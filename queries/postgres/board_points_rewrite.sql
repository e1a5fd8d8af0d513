-- queries/board_points_rewrite.sql in PostgreSQL's words (every subquery named); the same
-- meaning, see there.
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
