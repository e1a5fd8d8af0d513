-- Rows of the batch that became one rep's on one date (import_resolved_mapped.sql) but do not
-- agree with the row kept, at their own precision: two different rows for one rep and date.
SELECT i.file_index, i.name, i.snapshot_date, r.file_index AS kept_file_index
FROM incoming AS i
LEFT JOIN rep_map AS m ON m.given = i.rep_id
JOIN resolved AS r
  ON r.rep_id = coalesce(m.rep_id, i.rep_id)
 AND r.snapshot_date = i.snapshot_date
 AND r.source = i.source
WHERE kept_at_precision(i.ssi, r.ssi) IS DISTINCT FROM r.ssi
   OR kept_at_precision(i.brand, r.brand) IS DISTINCT FROM r.brand
   OR kept_at_precision(i.people, r.people) IS DISTINCT FROM r.people
   OR kept_at_precision(i.insights, r.insights) IS DISTINCT FROM r.insights
   OR kept_at_precision(i.relationships, r.relationships) IS DISTINCT FROM r.relationships
ORDER BY i.file_index, i.snapshot_date, i.name;
