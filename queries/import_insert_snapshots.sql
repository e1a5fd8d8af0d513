-- The new snapshots, each with its point on the board of its source (see
-- migrations/0005_points_in_snapshots.sql) worked out from the new rows alone. That is
-- exact for a rep and source the store had no row of (every row of a first import, which is
-- then written once, straight from the batch); board_own_refresh.sql mends the others.
INSERT INTO snapshots (
    rep_id, snapshot_date, source, ssi, brand, people, insights, relationships,
    industry_rank, network_rank, industry_avg, network_avg, import_id,
    until, change, change_4w
)
SELECT
    u.rep_id, u.snapshot_date, u.source, u.ssi, u.brand, u.people, u.insights, u.relationships,
    u.industry_rank, u.network_rank, u.industry_avg, u.network_avg, f.import_id,
    coalesce(lead(u.snapshot_date) OVER w, DATE '9999-12-31'),
    round(u.ssi - last_value(u.ssi) OVER (w RANGE BETWEEN UNBOUNDED PRECEDING AND 7 PRECEDING), 3),
    round(u.ssi - last_value(u.ssi) OVER (w RANGE BETWEEN UNBOUNDED PRECEDING AND 28 PRECEDING), 3)
FROM (SELECT *, snapshot_date - DATE '1970-01-01' AS day FROM staged WHERE status = 'added') AS u
JOIN import_files AS f USING (file_index)
WINDOW w AS (PARTITION BY u.rep_id, u.source ORDER BY u.day);
