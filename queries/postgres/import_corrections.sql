-- queries/import_corrections.sql as ONE statement (a query with parameters is one statement here):
-- `corrected` a part of the query rather than a temp table; the same rows, see there.
WITH corrected AS (
    SELECT
        coalesce(r.name, u.name) AS rep, u.snapshot_date,
        s.ssi AS old_ssi, u.ssi AS new_ssi,
        s.brand AS old_brand, u.brand AS new_brand,
        s.people AS old_people, u.people AS new_people,
        s.insights AS old_insights, u.insights AS new_insights,
        s.relationships AS old_relationships, u.relationships AS new_relationships,
        s.industry_rank AS old_industry_rank, u.industry_rank AS new_industry_rank,
        s.network_rank AS old_network_rank, u.network_rank AS new_network_rank,
        s.industry_avg AS old_industry_avg, u.industry_avg AS new_industry_avg,
        s.network_avg AS old_network_avg, u.network_avg AS new_network_avg
    FROM staged AS u
    JOIN snapshots AS s
      ON s.rep_id = u.rep_id AND s.snapshot_date = u.snapshot_date AND s.source = u.source
    LEFT JOIN reps AS r ON r.rep_id = u.rep_id
    WHERE u.status = 'updated'
)
SELECT p.rep, p.snapshot_date, v.column_name, v.old, v.new, count(*) OVER () AS total
FROM corrected AS p
CROSS JOIN LATERAL (
    VALUES
        (0, 'ssi', p.old_ssi, p.new_ssi),
        (1, 'brand', p.old_brand, p.new_brand),
        (2, 'people', p.old_people, p.new_people),
        (3, 'insights', p.old_insights, p.new_insights),
        (4, 'relationships', p.old_relationships, p.new_relationships),
        (5, 'industry_rank', p.old_industry_rank, p.new_industry_rank),
        (6, 'network_rank', p.old_network_rank, p.new_network_rank),
        (7, 'industry_avg', p.old_industry_avg, p.new_industry_avg),
        (8, 'network_avg', p.old_network_avg, p.new_network_avg)
) AS v(ordinal, column_name, old, new)
WHERE v.old IS DISTINCT FROM v.new
ORDER BY p.snapshot_date, p.rep, v.ordinal
LIMIT $limit;
