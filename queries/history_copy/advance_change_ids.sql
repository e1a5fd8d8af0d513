-- Past $last change ids (DuckDB sets no sequence: it draws them).
SELECT count(nextval('change_id_seq')) FROM range($last);
