-- The imports row of a change that writes snapshots without a file (typed, pasted, merge):
-- no content hash, so no file is ever skipped as "already imported" because of it.
INSERT INTO imports (
    file_name, content_hash, rows_added, rows_updated, rows_unchanged, rows_rejected,
    imported_at, change_id
) VALUES (?, '', 0, 0, 0, 0, ?, ?)
RETURNING import_id;
