-- queries/board_points_rewrite.sql in PostgreSQL's words (every subquery named, each touched
-- series read down the index); the same meaning, see there.
-- The planner, counting on the rows of a temp table it cannot know, would rather hash every
-- stored row than fetch the touched ones (0.7 s at 10,000 reps, a weekly import's longest
-- statement): joins by hash or merge off for this one statement (a failed transaction rolls
-- these back with it).
SET enable_hashjoin = off;
SET enable_mergejoin = off;
UPDATE snapshots AS s
SET until = p.until, change = p.change, change_4w = p.change_4w
FROM (
    SELECT
        row_id, snapshot_date, "from",
        coalesce(lead(snapshot_date) OVER w, DATE '9999-12-31') AS until,
        round(ssi - last_value(ssi) OVER (w RANGE BETWEEN UNBOUNDED PRECEDING AND 7 PRECEDING), 3)
            AS change,
        round(ssi - last_value(ssi) OVER (w RANGE BETWEEN UNBOUNDED PRECEDING AND 28 PRECEDING), 3)
            AS change_4w
    FROM (
        SELECT t.rep_id, t.source, s.row_id, s.snapshot_date, s.ssi, t."from",
               s.snapshot_date - DATE '1970-01-01' AS day
        FROM touched_series AS t
        -- Each touched series read from SINCE down the index on (rep_id, snapshot_date,
        -- source) (NULL: the whole series), not a hash join over every stored row: the
        -- OFFSET 0 keeps the planner from merging it into one. A weekly import reads ~5 rows
        -- a rep this way.
        CROSS JOIN LATERAL (
            SELECT s.ctid AS row_id, s.snapshot_date, s.ssi
            FROM snapshots AS s
            WHERE s.rep_id = t.rep_id AND s.source = t.source
              AND s.snapshot_date >= coalesce(t.since, DATE '-infinity')
            OFFSET 0
        ) AS s
    ) AS recent
    WINDOW w AS (PARTITION BY rep_id, source ORDER BY day)
) AS p
-- The very row read above (its ctid: a direct fetch, where matching on the key made the
-- planner scan every stored row to hash them).
WHERE s.ctid = p.row_id
  AND (p."from" IS NULL OR p.snapshot_date >= p."from")
  AND (s.until IS DISTINCT FROM p.until
       OR s.change IS DISTINCT FROM p.change
       OR s.change_4w IS DISTINCT FROM p.change_4w);

RESET enable_hashjoin;
RESET enable_mergejoin;
DROP TABLE touched_series;
