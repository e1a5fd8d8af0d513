-- queries/entry_rep_match.sql in PostgreSQL's words (its subquery named; names ordered byte by
-- byte, COLLATE "C", as DuckDB orders them); the same meaning, see there.
SELECT rep_id, name, how
FROM (
    SELECT
        r.rep_id,
        r.name,
        CASE
            WHEN r.rep_id = lower(trim($rep)) THEN 1
            WHEN r.rep_id IN (SELECT rep_id FROM rep_aliases WHERE alias = lower(trim($rep)))
                THEN 2
            ELSE 3
        END AS how
    FROM reps AS r
    WHERE r.rep_id = lower(trim($rep))
       OR r.rep_id IN (SELECT rep_id FROM rep_aliases WHERE alias = lower(trim($rep)))
       OR (name_key($rep) <> '' AND name_key(r.name) = name_key($rep))
) AS matched
ORDER BY how, name COLLATE "C", rep_id COLLATE "C";
