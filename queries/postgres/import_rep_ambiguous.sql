-- queries/import_rep_ambiguous.sql in PostgreSQL's words (array_agg, the groups spelled out).
SELECT
    m.given,
    m.name,
    m.file_index,
    m.how,
    array_agg(c.candidate || coalesce(' (' || r.name || ')', '') ORDER BY c.candidate)
        AS candidates
FROM rep_map AS m
CROSS JOIN LATERAL unnest(m.candidates) AS c(candidate)
LEFT JOIN reps AS r ON r.rep_id = c.candidate
WHERE m.rep_id IS NULL
GROUP BY m.given, m.name, m.file_index, m.how
ORDER BY m.file_index, m.name, m.given;
