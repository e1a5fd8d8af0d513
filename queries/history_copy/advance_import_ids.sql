-- Past $last import ids (DuckDB sets no sequence: it draws them).
SELECT count(nextval('import_id_seq')) FROM range($last);
