-- Undo (store/undo.py): the 'best' board of every rep it touched is dropped, and the reps
-- that still have both sources listed for board_best_rebuild.sql (a rep the undo left with
-- one source has no 'best' board of its own any more).
DELETE FROM best_points WHERE rep_id IN (SELECT rep_id FROM undo_series);

CREATE OR REPLACE TEMP TABLE touched_mixed_reps AS
SELECT rep_id FROM snapshots
WHERE rep_id IN (
    SELECT DISTINCT rep_id FROM snapshots
    WHERE source = 'estimated' AND rep_id IN (SELECT rep_id FROM undo_series)
)
GROUP BY rep_id
HAVING min(source) <> max(source);
