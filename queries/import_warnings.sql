-- Values the import writes that look like typos: a total or pillar that moved by more than
-- half of the rep's previous value of it (Brand 1.65 after 16.2). "Previous" is the rep's
-- snapshot of that source just before, as the store will hold it after the import (stored
-- rows the batch replaces are left out). The first $limit, and how many in all.
WITH series AS (
    SELECT rep_id, snapshot_date, source, ssi, brand, people, insights, relationships,
           NULL::INTEGER AS file_index, NULL::BIGINT AS line, NULL::VARCHAR AS name, false AS new
    FROM snapshots AS s
    WHERE s.rep_id IN (SELECT rep_id FROM staged)
      AND NOT EXISTS (
          SELECT 1 FROM staged AS u
          WHERE u.rep_id = s.rep_id AND u.snapshot_date = s.snapshot_date AND u.source = s.source
      )
    UNION ALL
    SELECT rep_id, snapshot_date, source, ssi, brand, people, insights, relationships,
           file_index, line, name, true
    FROM staged
),
paired AS (
    SELECT
        *,
        lag(snapshot_date) OVER w AS previous_date,
        lag(ssi) OVER w AS previous_ssi,
        lag(brand) OVER w AS previous_brand,
        lag(people) OVER w AS previous_people,
        lag(insights) OVER w AS previous_insights,
        lag(relationships) OVER w AS previous_relationships
    FROM series
    WINDOW w AS (PARTITION BY rep_id, source ORDER BY snapshot_date)
),
moved AS (
    SELECT p.file_index, p.line, coalesce(r.name, p.name) AS rep, p.snapshot_date,
           p.previous_date, v.ordinal, v.column_name, v.previous, v.value
    FROM paired AS p
    LEFT JOIN reps AS r USING (rep_id)
    CROSS JOIN LATERAL (
        VALUES
            (0, 'ssi', p.previous_ssi, p.ssi),
            (1, 'brand', p.previous_brand, p.brand),
            (2, 'people', p.previous_people, p.people),
            (3, 'insights', p.previous_insights, p.insights),
            (4, 'relationships', p.previous_relationships, p.relationships)
    ) AS v(ordinal, column_name, previous, value)
    WHERE p.new AND abs(v.value - v.previous) > v.previous / 2
)
SELECT file_index, line, rep, snapshot_date, column_name, previous_date, previous, value,
       count(*) OVER () AS total
FROM moved
ORDER BY file_index, line NULLS LAST, snapshot_date, rep, ordinal
LIMIT $limit;
