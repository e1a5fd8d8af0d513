-- Inside every import's transaction that changed a snapshot, after its rows are written: note
-- the new snapshot dates (the steps of the as-of date), and rebuild the 'best' board (see
-- migrations/0005_points_in_snapshots.sql) of every rep with both sources that gained or
-- corrected a snapshot. Such reps are few: most have one source, whose points are their
-- snapshots' own. This lists those reps in `touched_mixed_reps`; board_best_rebuild.sql
-- rebuilds them.
INSERT INTO board_dates
SELECT DISTINCT source, snapshot_date FROM staged AS n
WHERE status = 'added'
  AND NOT EXISTS (
      SELECT 1 FROM board_dates AS b WHERE b.source = n.source AND b.d = n.snapshot_date
  );

-- Only a rep with an estimated snapshot can have both sources: asking that first spares an
-- export of official numbers alone (the usual one) a pass over the whole history.
CREATE OR REPLACE TEMP TABLE touched_mixed_reps AS
SELECT rep_id FROM snapshots
WHERE rep_id IN (
    SELECT DISTINCT rep_id FROM snapshots
    WHERE source = 'estimated' AND rep_id IN (SELECT rep_id FROM staged)
)
GROUP BY rep_id
HAVING min(source) <> max(source);
