INSERT INTO snapshots (
    rep_id, snapshot_date, source, ssi, brand, people, insights, relationships,
    industry_rank, network_rank, industry_avg, network_avg, import_id
)
SELECT
    u.rep_id, u.snapshot_date, u.source, u.ssi, u.brand, u.people, u.insights, u.relationships,
    u.industry_rank, u.network_rank, u.industry_avg, u.network_avg, f.import_id
FROM staged AS u
JOIN import_files AS f USING (file_index)
WHERE u.status = 'added';
