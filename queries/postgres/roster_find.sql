-- queries/roster_find.sql in PostgreSQL's words (a UNION is ordered by its own columns: the
-- three kinds in a subquery); the same meaning, see there. Names ordered byte by byte
-- (COLLATE "C") as DuckDB orders them.
SELECT rep_id, name, how
FROM (
    SELECT rep_id, name, 1 AS how FROM reps WHERE lower(rep_id) = lower($who)
    UNION ALL
    SELECT r.rep_id, r.name, 2 FROM rep_aliases AS a JOIN reps AS r USING (rep_id)
    WHERE lower(a.alias) = lower($who)
    UNION ALL
    SELECT rep_id, name, 3 FROM reps
    WHERE name_key(name) = name_key($who) AND name_key($who) <> ''
) AS found
ORDER BY how, lower(name) COLLATE "C", rep_id COLLATE "C";
