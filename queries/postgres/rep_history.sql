-- queries/rep_history.sql in PostgreSQL's words (QUALIFY as a filter on the numbered rows of a
-- subquery); the same rows, see there.
WITH mine AS MATERIALIZED (
    SELECT
        s.snapshot_date,
        s.source,
        s.ssi,
        s.brand,
        s.people,
        s.insights,
        s.relationships,
        s.industry_rank,
        s.network_rank,
        s.industry_avg,
        s.network_avg
    FROM snapshots AS s
    WHERE s.rep_id = $rep_id::text
      AND s.snapshot_date <= $as_of::date
      AND ($source::text = 'best' OR s.source = $source::text)
),
chosen AS (
    SELECT
        snapshot_date, source, ssi, brand, people, insights, relationships,
        industry_rank, network_rank, industry_avg, network_avg
    FROM (
        SELECT
            *,
            row_number() OVER (
                PARTITION BY snapshot_date ORDER BY source = 'official' DESC
            ) AS nth
        FROM mine
    ) AS numbered
    WHERE $source::text <> 'best' OR nth = 1
)
SELECT r.name, r.team, c.*
FROM reps AS r
LEFT JOIN chosen AS c ON true
WHERE r.rep_id = $rep_id::text
ORDER BY c.snapshot_date DESC;
