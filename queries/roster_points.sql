-- After a roster change, inside its transaction: the board points of the reps in
-- roster_touched (roster_touch.sql) worked out whole, as an import works out a series it
-- corrected (board_own_refresh.sql), their 'best' board rebuilt (board_best_refresh.sql), and
-- the steps of the as-of date made those of the snapshots left.
UPDATE snapshots AS s
SET until = p.until, change = p.change, change_4w = p.change_4w
FROM (
    SELECT
        rep_id, source, snapshot_date,
        coalesce(lead(snapshot_date) OVER w, DATE '9999-12-31') AS until,
        round(ssi - last_value(ssi) OVER (w RANGE BETWEEN UNBOUNDED PRECEDING AND 7 PRECEDING), 3)
            AS change,
        round(ssi - last_value(ssi) OVER (w RANGE BETWEEN UNBOUNDED PRECEDING AND 28 PRECEDING), 3)
            AS change_4w
    FROM (
        SELECT rep_id, source, snapshot_date, ssi, snapshot_date - DATE '1970-01-01' AS day
        FROM snapshots
        WHERE rep_id IN (SELECT rep_id FROM roster_touched)
    )
    WINDOW w AS (PARTITION BY rep_id, source ORDER BY day)
) AS p
WHERE s.rep_id = p.rep_id
  AND s.source = p.source
  AND s.snapshot_date = p.snapshot_date
  AND (s.until IS DISTINCT FROM p.until
       OR s.change IS DISTINCT FROM p.change
       OR s.change_4w IS DISTINCT FROM p.change_4w);

DELETE FROM best_points WHERE rep_id IN (SELECT rep_id FROM roster_touched);

INSERT INTO best_points
WITH mixed AS (
    SELECT s.* FROM snapshots AS s
    WHERE s.rep_id IN (
        SELECT rep_id FROM snapshots
        WHERE rep_id IN (SELECT rep_id FROM roster_touched)
        GROUP BY rep_id
        HAVING min(source) <> max(source)
    )
),
best AS (
    SELECT * FROM mixed AS m
    WHERE source = 'official' OR NOT EXISTS (
        SELECT 1 FROM mixed AS o
        WHERE o.rep_id = m.rep_id
          AND o.snapshot_date = m.snapshot_date
          AND o.source = 'official'
    )
)
SELECT
    rep_id, snapshot_date,
    coalesce(lead(snapshot_date) OVER w, DATE '9999-12-31'),
    source, ssi, brand, people, insights, relationships,
    industry_rank, network_rank, industry_avg, network_avg,
    round(ssi - last_value(ssi) OVER (w RANGE BETWEEN UNBOUNDED PRECEDING AND 7 PRECEDING), 3),
    round(ssi - last_value(ssi) OVER (w RANGE BETWEEN UNBOUNDED PRECEDING AND 28 PRECEDING), 3)
FROM (SELECT *, snapshot_date - DATE '1970-01-01' AS day FROM best)
WINDOW w AS (PARTITION BY rep_id ORDER BY day);

DELETE FROM board_dates AS b
WHERE NOT EXISTS (
    SELECT 1 FROM snapshots AS s WHERE s.source = b.source AND s.snapshot_date = b.d
);

DROP TABLE roster_touched;
