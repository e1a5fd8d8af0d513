-- queries/undo_snapshots.sql in PostgreSQL's words (the columns spelled out where DuckDB says BY NAME
-- and EXCLUDE); the same meaning, see there.
INSERT INTO superseded_snapshots (
    change_id, rep_id, snapshot_date, source, ssi, brand, people, insights, relationships,
    industry_rank, network_rank, industry_avg, network_avg, import_id
)
SELECT
    u.undo, s.rep_id, s.snapshot_date, s.source, s.ssi, s.brand, s.people, s.insights,
    s.relationships, s.industry_rank, s.network_rank, s.industry_avg, s.network_avg, s.import_id
FROM snapshots AS s, undo_ids AS u
WHERE s.import_id IN (
    SELECT i.import_id FROM imports AS i JOIN undo_ids AS t ON i.change_id = t.target
);

DELETE FROM snapshots
WHERE import_id IN (
    SELECT i.import_id FROM imports AS i JOIN undo_ids AS t ON i.change_id = t.target
);

INSERT INTO snapshots (
    rep_id, snapshot_date, source, ssi, brand, people, insights, relationships,
    industry_rank, network_rank, industry_avg, network_avg, import_id,
    until, change, change_4w
)
SELECT
    p.rep_id, p.snapshot_date, p.source, p.ssi, p.brand, p.people, p.insights, p.relationships,
    p.industry_rank, p.network_rank, p.industry_avg, p.network_avg, p.import_id, DATE
    '9999-12-31', NULL, NULL
FROM superseded_snapshots AS p
JOIN undo_ids AS u ON p.change_id = u.target;
