-- Undo (store/undo.py): the activity rows the change wrote are removed (kept under the undo's
-- change_id), and the ones it replaced are put back as they were.
INSERT INTO superseded_activities BY NAME
SELECT u.undo AS change_id, a.*
FROM activities AS a, undo_ids AS u
WHERE a.import_id IN (
    SELECT i.import_id FROM imports AS i JOIN undo_ids AS t ON i.change_id = t.target
);

DELETE FROM activities
WHERE import_id IN (
    SELECT i.import_id FROM imports AS i JOIN undo_ids AS t ON i.change_id = t.target
);

INSERT INTO activities BY NAME
SELECT p.* EXCLUDE (change_id)
FROM superseded_activities AS p
JOIN undo_ids AS u ON p.change_id = u.target;
