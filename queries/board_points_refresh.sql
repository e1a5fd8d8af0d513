-- Inside the import's transaction: note the new snapshot dates, and bring the board points
-- (see migrations/0004_board_points.sql) of every rep it added or corrected a snapshot for up
-- to date. The usual weekly import only appends: a rep whose every change is a new latest
-- snapshot of the one source they already have keeps their points, and gains the new ones
-- (their last point's `until` moves to the first new date). Every other touched rep (a
-- correction, a date in the past, a second source, a new rep) has their points rebuilt whole.
INSERT INTO board_dates
SELECT DISTINCT source, snapshot_date FROM staged AS n
WHERE status = 'added'
  AND NOT EXISTS (SELECT 1 FROM board_dates AS b WHERE b.source = n.source AND b.d = n.snapshot_date);

-- Appending reps: their first new date, and `since`, the date of their point in force 28 days
-- before it (the oldest snapshot a new point's four-week change can look back to).
CREATE OR REPLACE TEMP TABLE appending_reps AS
WITH new_rows AS (
    SELECT rep_id, min(source) AS source, min(snapshot_date) AS first_new
    FROM staged
    GROUP BY rep_id
    HAVING bool_and(status = 'added') AND min(source) = max(source)
),
kept AS (
    SELECT
        p.rep_id,
        max(p.d) AS last_d,
        bool_and(p.mode = 'best' AND NOT p.mixed AND p.source = n.source) AS same_source,
        max(p.d) FILTER (WHERE p.d <= n.first_new - 28) AS since
    FROM board_points AS p
    JOIN new_rows AS n USING (rep_id)
    GROUP BY p.rep_id
)
SELECT n.rep_id, n.first_new, coalesce(k.since, n.first_new - 28) AS since
FROM new_rows AS n
JOIN kept AS k USING (rep_id)
WHERE k.same_source AND k.last_d < n.first_new;

UPDATE board_points AS p
SET until = a.first_new
FROM appending_reps AS a
WHERE p.rep_id = a.rep_id AND p.until = DATE '9999-12-31';

INSERT INTO board_points
SELECT
    rep_id, 'best', false, snapshot_date,
    coalesce(lead(snapshot_date) OVER w, DATE '9999-12-31'),
    source, ssi, brand, people, insights, relationships,
    industry_rank, network_rank, industry_avg, network_avg,
    round(ssi - last_value(ssi) OVER (w RANGE BETWEEN UNBOUNDED PRECEDING AND 7 PRECEDING), 3),
    round(ssi - last_value(ssi) OVER (w RANGE BETWEEN UNBOUNDED PRECEDING AND 28 PRECEDING), 3)
FROM (
    SELECT s.*, a.first_new, s.snapshot_date - DATE '1970-01-01' AS day
    FROM snapshots AS s
    JOIN appending_reps AS a USING (rep_id)
    WHERE s.snapshot_date >= a.since
)
WINDOW w AS (PARTITION BY rep_id ORDER BY day)
QUALIFY snapshot_date >= first_new;

-- Everyone else touched: rebuilt whole.
CREATE OR REPLACE TEMP TABLE touched_reps AS
SELECT DISTINCT rep_id FROM staged
WHERE rep_id NOT IN (SELECT rep_id FROM appending_reps);

-- Reps with both sources are few: listed first, so that the points of all the others stream
-- from the snapshots scan straight into the window, with no copy of their history in between.
CREATE OR REPLACE TEMP TABLE touched_mixed_reps AS
SELECT rep_id FROM snapshots
WHERE rep_id IN (SELECT rep_id FROM touched_reps)
GROUP BY rep_id
HAVING min(source) <> max(source);

DELETE FROM board_points WHERE rep_id IN (SELECT rep_id FROM touched_reps);

INSERT INTO board_points
WITH mixed AS (
    SELECT s.* FROM snapshots AS s WHERE s.rep_id IN (SELECT rep_id FROM touched_mixed_reps)
),
moded AS (
    SELECT 'best' AS mode, false AS mixed, s.* FROM snapshots AS s
    WHERE s.rep_id IN (SELECT rep_id FROM touched_reps)
      AND s.rep_id NOT IN (SELECT rep_id FROM touched_mixed_reps)
    UNION ALL
    SELECT source AS mode, true AS mixed, * FROM mixed
    UNION ALL
    SELECT 'best' AS mode, true AS mixed, * FROM mixed AS m
    WHERE source = 'official' OR NOT EXISTS (
        SELECT 1 FROM mixed AS o
        WHERE o.rep_id = m.rep_id
          AND o.snapshot_date = m.snapshot_date
          AND o.source = 'official'
    )
)
SELECT
    rep_id, mode, mixed, snapshot_date,
    coalesce(lead(snapshot_date) OVER w, DATE '9999-12-31'),
    source, ssi, brand, people, insights, relationships,
    industry_rank, network_rank, industry_avg, network_avg,
    round(ssi - last_value(ssi) OVER (w RANGE BETWEEN UNBOUNDED PRECEDING AND 7 PRECEDING), 3),
    round(ssi - last_value(ssi) OVER (w RANGE BETWEEN UNBOUNDED PRECEDING AND 28 PRECEDING), 3)
FROM (SELECT *, snapshot_date - DATE '1970-01-01' AS day FROM moded)
WINDOW w AS (PARTITION BY rep_id, mode ORDER BY day);
-- Not sorted by date for zone maps: at 10,000 reps x 104 weeks a board read as fast either
-- way, and the sort took 0.8 s of every large import.

DROP TABLE touched_mixed_reps;
DROP TABLE touched_reps;
DROP TABLE appending_reps;
