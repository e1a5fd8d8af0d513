-- queries/board_best_refresh.sql in PostgreSQL's words (a temp table replaced by dropping it
-- first, every subquery named); the same meaning, see there.
INSERT INTO board_dates
SELECT DISTINCT source, snapshot_date FROM staged AS n
WHERE status = 'added'
  AND NOT EXISTS (
      SELECT 1 FROM board_dates AS b WHERE b.source = n.source AND b.d = n.snapshot_date
  );

-- Only a rep with an estimated snapshot can have both sources: asking that first spares an
-- export of official numbers alone (the usual one) a pass over the whole history.
DROP TABLE IF EXISTS touched_mixed_reps;
CREATE TEMP TABLE touched_mixed_reps AS
SELECT rep_id FROM snapshots
WHERE rep_id IN (
    SELECT DISTINCT rep_id FROM snapshots
    WHERE source = 'estimated' AND rep_id IN (SELECT rep_id FROM staged)
)
GROUP BY rep_id
HAVING min(source) <> max(source);

DELETE FROM best_points WHERE rep_id IN (SELECT rep_id FROM touched_mixed_reps);

INSERT INTO best_points
WITH mixed AS (
    SELECT s.* FROM snapshots AS s WHERE s.rep_id IN (SELECT rep_id FROM touched_mixed_reps)
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
FROM (SELECT *, snapshot_date - DATE '1970-01-01' AS day FROM best) AS dated
WINDOW w AS (PARTITION BY rep_id ORDER BY day);

DROP TABLE touched_mixed_reps;
