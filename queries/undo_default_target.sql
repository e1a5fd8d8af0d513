-- What `ssi-tui undo DB` undoes without an id: the latest change not undone that is not an undo.
SELECT max(change_id) FROM changes WHERE undone_by IS NULL AND kind <> 'undo';
