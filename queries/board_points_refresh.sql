-- Inside the import's transaction: note the new snapshot dates, and rebuild the board points
-- (see migrations/0004_board_points.sql) of every rep it added or corrected a snapshot for. A
-- rep's points are rebuilt whole: a new snapshot moves the `until` of the point before it and
-- the changes after it, and may make the rep mixed.
INSERT INTO board_dates
SELECT DISTINCT source, snapshot_date FROM staged AS n
WHERE status = 'added'
  AND NOT EXISTS (SELECT 1 FROM board_dates AS b WHERE b.source = n.source AND b.d = n.snapshot_date);

CREATE OR REPLACE TEMP TABLE touched_reps AS
SELECT DISTINCT rep_id FROM staged WHERE status <> 'unchanged';

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
