-- Corrected values replace the stored ones for the same rep, date and source.
UPDATE snapshots AS s
SET ssi = u.ssi,
    brand = u.brand,
    people = u.people,
    insights = u.insights,
    relationships = u.relationships,
    industry_rank = u.industry_rank,
    network_rank = u.network_rank,
    industry_avg = u.industry_avg,
    network_avg = u.network_avg,
    import_id = f.import_id
FROM staged AS u
JOIN import_files AS f USING (file_index)
WHERE u.status = 'updated'
  AND s.rep_id = u.rep_id
  AND s.snapshot_date = u.snapshot_date
  AND s.source = u.source;
