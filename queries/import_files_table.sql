CREATE OR REPLACE TEMP TABLE import_files (file_index INTEGER, import_id INTEGER);
