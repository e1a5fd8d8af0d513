-- One row per imported file; its id tags the snapshots the file wrote, and its change_id the
-- one change (store/changes.py) the whole import run is.
INSERT INTO imports (
    file_name, content_hash, rows_added, rows_updated, rows_unchanged, rows_rejected, imported_at,
    change_id
) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
RETURNING import_id;
