-- Stage the incoming rows that change the store, each with what it does: 'added' (a new rep,
-- date and source) or 'updated' (a corrected value). A row the store already holds as it is
-- stays out of `staged` (import_counts.sql counts it as unchanged): re-importing a big export
-- that gained a week stages that week, not the years before it.
--
-- A rank or average the file leaves blank (or has no column for) keeps the stored one, as a
-- missing team does (import_update_reps.sql): an export without them (the board's own CSV
-- export, a team report) says nothing about them, and once erased them all.
CREATE OR REPLACE TEMP TABLE staged AS
SELECT
    i.* REPLACE (
        coalesce(i.industry_rank, s.industry_rank) AS industry_rank,
        coalesce(i.network_rank, s.network_rank) AS network_rank,
        coalesce(i.industry_avg, s.industry_avg) AS industry_avg,
        coalesce(i.network_avg, s.network_avg) AS network_avg
    ),
    CASE WHEN s.rep_id IS NULL THEN 'added' ELSE 'updated' END AS status
FROM incoming AS i
LEFT JOIN snapshots AS s
  ON s.rep_id = i.rep_id AND s.snapshot_date = i.snapshot_date AND s.source = i.source
WHERE s.rep_id IS NULL
   OR i.ssi IS DISTINCT FROM s.ssi
   OR i.brand IS DISTINCT FROM s.brand
   OR i.people IS DISTINCT FROM s.people
   OR i.insights IS DISTINCT FROM s.insights
   OR i.relationships IS DISTINCT FROM s.relationships
   OR coalesce(i.industry_rank, s.industry_rank) IS DISTINCT FROM s.industry_rank
   OR coalesce(i.network_rank, s.network_rank) IS DISTINCT FROM s.network_rank
   OR coalesce(i.industry_avg, s.industry_avg) IS DISTINCT FROM s.industry_avg
   OR coalesce(i.network_avg, s.network_avg) IS DISTINCT FROM s.network_avg;
