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
