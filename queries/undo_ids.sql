-- The undo under way (store/undo.py): the change it reverts and its own change_id, for the
-- undo_*.sql that follow (several statements each, which cannot take parameters).
CREATE OR REPLACE TEMP TABLE undo_ids AS
SELECT $target::INTEGER AS target, $undo::INTEGER AS undo;
