-- One row per imported file; its id tags the snapshots the file wrote.
INSERT INTO imports (
    file_name, content_hash, rows_added, rows_updated, rows_unchanged, rows_rejected, imported_at
) VALUES (?, ?, ?, ?, ?, ?, ?)
RETURNING import_id;
