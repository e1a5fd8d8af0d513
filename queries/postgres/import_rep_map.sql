-- queries/import_rep_map.sql in PostgreSQL's words (QUALIFY as a window in a subquery, list() and
-- arg_max() by array_agg, a temp table replaced by dropping it first); the same meaning.
DROP TABLE IF EXISTS rep_map;
CREATE TEMP TABLE rep_map AS
WITH batch AS (
    SELECT
        rep_id AS given,
        (array_agg(name ORDER BY snapshot_date DESC NULLS LAST))[1] AS name,
        min(file_index) AS file_index
    FROM incoming
    GROUP BY rep_id
),
keyed AS (
    SELECT *, name_key(name) AS key, id_from_name(given, name) AS from_name FROM batch
),
stored AS (
    SELECT
        rep_id,
        name_key(name) AS key,
        id_from_name(rep_id, name)
            AND rep_id NOT IN (SELECT rep_id FROM rep_aliases) AS name_only
    FROM reps
),
unknown AS (
    SELECT * FROM keyed
    WHERE given NOT IN (SELECT rep_id FROM reps) AND given NOT IN (SELECT alias FROM rep_aliases)
),
candidate AS (
    SELECT u.given, s.rep_id AS candidate, 1 AS priority,
           CASE WHEN u.from_name THEN 'name' ELSE 'adopt' END AS how
    FROM unknown AS u
    JOIN stored AS s ON s.key = u.key AND (u.from_name OR s.name_only)
    UNION ALL
    SELECT u.given, coalesce(a.rep_id, b.given), 2, 'name'
    FROM unknown AS u
    JOIN keyed AS b ON b.key = u.key AND NOT b.from_name AND b.given <> u.given
    LEFT JOIN rep_aliases AS a ON a.alias = b.given
    WHERE u.from_name
),
best AS (
    SELECT given, min(how) AS how, array_agg(DISTINCT candidate ORDER BY candidate) AS candidates
    FROM (
        SELECT *, min(priority) OVER (PARTITION BY given) AS best_priority FROM candidate
    ) AS ranked
    WHERE priority = best_priority
    GROUP BY given
)
SELECT
    k.given,
    CASE WHEN cardinality(b.candidates) = 1 THEN b.candidates[1] END AS rep_id,
    b.how,
    b.candidates,
    k.name,
    k.file_index
FROM best AS b
JOIN keyed AS k USING (given)
UNION ALL
SELECT k.given, a.rep_id, 'alias', ARRAY[a.rep_id], k.name, k.file_index
FROM keyed AS k
JOIN rep_aliases AS a ON a.alias = k.given;
