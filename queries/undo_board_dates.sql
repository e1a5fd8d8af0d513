-- Undo (store/undo.py): the as-of steps (board_dates) of the dates it touched: a date no
-- snapshot of its source has any more goes, a date put back comes back.
CREATE OR REPLACE TEMP TABLE undo_dates AS
SELECT DISTINCT p.source, p.snapshot_date AS d
FROM superseded_snapshots AS p
JOIN undo_ids AS u ON p.change_id IN (u.target, u.undo);

DELETE FROM board_dates AS b
WHERE EXISTS (SELECT 1 FROM undo_dates AS k WHERE k.source = b.source AND k.d = b.d)
  AND NOT EXISTS (
      SELECT 1 FROM snapshots AS s WHERE s.source = b.source AND s.snapshot_date = b.d
  );

INSERT INTO board_dates
SELECT k.source, k.d
FROM undo_dates AS k
WHERE EXISTS (SELECT 1 FROM snapshots AS s WHERE s.source = k.source AND s.snapshot_date = k.d)
  AND NOT EXISTS (SELECT 1 FROM board_dates AS b WHERE b.source = k.source AND b.d = k.d);

DROP TABLE undo_dates;
DROP TABLE undo_series;
