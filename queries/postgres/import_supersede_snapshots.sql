-- queries/import_supersede_snapshots.sql in PostgreSQL's words (the columns spelled out where DuckDB says BY NAME
-- and EXCLUDE); the same meaning, see there.
INSERT INTO superseded_snapshots (
    change_id, rep_id, snapshot_date, source, ssi, brand, people, insights, relationships,
    industry_rank, network_rank, industry_avg, network_avg, import_id
)
SELECT
    ?, s.rep_id, s.snapshot_date, s.source, s.ssi, s.brand, s.people, s.insights,
    s.relationships, s.industry_rank, s.network_rank, s.industry_avg, s.network_avg, s.import_id
FROM snapshots AS s
JOIN staged AS u
  ON s.rep_id = u.rep_id AND s.snapshot_date = u.snapshot_date AND s.source = u.source
WHERE u.status = 'updated';
