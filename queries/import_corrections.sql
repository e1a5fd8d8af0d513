-- The corrections the import makes (`staged` rows marked 'updated'), value by value: rep,
-- date, column, stored value and new one; the first $limit, and how many in all.
WITH changed AS (
    SELECT coalesce(r.name, u.name) AS rep, u.snapshot_date, v.ordinal, v.column_name, v.old, v.new
    FROM staged AS u
    JOIN snapshots AS s
      ON s.rep_id = u.rep_id AND s.snapshot_date = u.snapshot_date AND s.source = u.source
    LEFT JOIN reps AS r ON r.rep_id = u.rep_id
    CROSS JOIN LATERAL (
        VALUES
            (0, 'ssi', s.ssi, u.ssi),
            (1, 'brand', s.brand, u.brand),
            (2, 'people', s.people, u.people),
            (3, 'insights', s.insights, u.insights),
            (4, 'relationships', s.relationships, u.relationships),
            (5, 'industry_rank', s.industry_rank, u.industry_rank),
            (6, 'network_rank', s.network_rank, u.network_rank),
            (7, 'industry_avg', s.industry_avg, u.industry_avg),
            (8, 'network_avg', s.network_avg, u.network_avg)
    ) AS v(ordinal, column_name, old, new)
    WHERE u.status = 'updated' AND v.old IS DISTINCT FROM v.new
)
SELECT rep, snapshot_date, column_name, old, new, count(*) OVER () AS total
FROM changed
ORDER BY snapshot_date, rep, ordinal
LIMIT $limit;
