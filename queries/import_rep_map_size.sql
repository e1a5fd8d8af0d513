-- How many ids of the batch name someone else (import_rep_map.sql); 0, the usual case, leaves
-- the batch as it is (import_resolved_plain.sql).
SELECT count(*) FROM rep_map;
