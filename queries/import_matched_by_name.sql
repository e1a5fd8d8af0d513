-- Per file, how many rows were taken as an existing rep's by name (import_rep_map.sql).
SELECT i.file_index, count(*)
FROM incoming AS i
JOIN rep_map AS m ON m.given = i.rep_id
WHERE m.how IN ('name', 'adopt') AND m.rep_id IS NOT NULL
GROUP BY i.file_index;
