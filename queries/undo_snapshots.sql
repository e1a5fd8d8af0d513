-- Undo (store/undo.py): the snapshots the change wrote are removed, kept under the undo's
-- change_id (nothing is ever lost), and the ones it replaced or removed are put back as they
-- were (their board points worked out by undo_board_series.sql and board_points_rewrite.sql).
INSERT INTO superseded_snapshots BY NAME
SELECT u.undo AS change_id, s.* EXCLUDE (until, change, change_4w)
FROM snapshots AS s, undo_ids AS u
WHERE s.import_id IN (
    SELECT i.import_id FROM imports AS i JOIN undo_ids AS t ON i.change_id = t.target
);

DELETE FROM snapshots
WHERE import_id IN (
    SELECT i.import_id FROM imports AS i JOIN undo_ids AS t ON i.change_id = t.target
);

INSERT INTO snapshots BY NAME
SELECT
    p.* EXCLUDE (change_id),
    DATE '9999-12-31' AS until,
    NULL::DOUBLE AS change,
    NULL::DOUBLE AS change_4w
FROM superseded_snapshots AS p
JOIN undo_ids AS u ON p.change_id = u.target;
