-- After a roster change, inside its transaction: the series of the reps in roster_touched
-- (roster_touch.sql) listed whole for board_points_rewrite.sql, their 'best' board dropped
-- and, for a rep with both sources, listed for board_best_rebuild.sql (as an import and an
-- undo do), and the steps of the as-of date made those of the snapshots left.
CREATE OR REPLACE TEMP TABLE touched_series AS
SELECT DISTINCT rep_id, source, NULL::DATE AS "from", NULL::DATE AS since
FROM snapshots
WHERE rep_id IN (SELECT rep_id FROM roster_touched);

DELETE FROM best_points WHERE rep_id IN (SELECT rep_id FROM roster_touched);

CREATE OR REPLACE TEMP TABLE touched_mixed_reps AS
SELECT rep_id FROM snapshots
WHERE rep_id IN (SELECT rep_id FROM roster_touched)
GROUP BY rep_id
HAVING min(source) <> max(source);

DELETE FROM board_dates AS b
WHERE NOT EXISTS (
    SELECT 1 FROM snapshots AS s WHERE s.source = b.source AND s.snapshot_date = b.d
);

DROP TABLE roster_touched;
