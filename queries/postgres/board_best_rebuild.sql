-- queries/board_best_rebuild.sql in PostgreSQL's words (every subquery named); the same
-- meaning, see there.
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
