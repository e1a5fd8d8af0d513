-- The ids of the batch that several reps could be (import_rep_map.sql): each with its name,
-- its first file and the candidates, with their names.
SELECT
    m.given,
    m.name,
    m.file_index,
    m.how,
    list(c.candidate || coalesce(' (' || r.name || ')', '') ORDER BY c.candidate) AS candidates
FROM rep_map AS m, unnest(m.candidates) AS c(candidate)
LEFT JOIN reps AS r ON r.rep_id = c.candidate
WHERE m.rep_id IS NULL
GROUP BY ALL
ORDER BY m.file_index, m.name, m.given;
