-- Undo (store/undo.py), after its rows are removed and put back: the (rep, source) series it
-- touched, for board_points_rewrite.sql. A point depends on the rows before it (its week and
-- four-week changes) and on the next one (`until`), so each series is worked out from its last
-- row before the first date the undo touched ("from"), reading from the row in force 28 days
-- before that one (since): undoing the latest week rewrites one point per rep, not two years.
CREATE OR REPLACE TEMP TABLE undo_series AS
SELECT p.rep_id, p.source, min(p.snapshot_date) AS first_changed
FROM superseded_snapshots AS p
JOIN undo_ids AS u ON p.change_id IN (u.target, u.undo)
GROUP BY p.rep_id, p.source;

CREATE OR REPLACE TEMP TABLE touched_series AS
WITH before AS (
    SELECT n.rep_id, n.source, max(s.snapshot_date) AS "from"
    FROM undo_series AS n
    LEFT JOIN snapshots AS s
      ON s.rep_id = n.rep_id AND s.source = n.source AND s.snapshot_date < n.first_changed
    GROUP BY n.rep_id, n.source
)
SELECT
    b.rep_id,
    b.source,
    b."from",
    (
        SELECT max(s.snapshot_date)
        FROM snapshots AS s
        WHERE s.rep_id = b.rep_id AND s.source = b.source
          AND s.snapshot_date <= b."from" - 28
    ) AS since
FROM before AS b;
