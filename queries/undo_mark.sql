-- Undo (store/undo.py), last: the undo names the change it reverted, and that change the undo.
UPDATE changes SET undoes = (SELECT target FROM undo_ids)
WHERE change_id = (SELECT undo FROM undo_ids);

UPDATE changes SET undone_by = (SELECT undo FROM undo_ids)
WHERE change_id = (SELECT target FROM undo_ids);

DROP TABLE undo_ids;
