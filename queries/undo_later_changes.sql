-- How many changes after $1 are in force (not undone, not undos): none, and no clash is possible.
SELECT count(*) FROM changes WHERE change_id > ? AND undone_by IS NULL AND kind <> 'undo';
