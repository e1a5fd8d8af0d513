-- Who each id of the batch is, where that is not simply itself (README "Importing", identity):
--   alias  an id a rep adopted before (rep_aliases): that rep;
--   name   an id made from a name (the row had no rep_id): the one stored rep of that name
--          (case, accents, spacing and punctuation ignored), else the one id the batch gives
--          for that name;
--   adopt  an e-mail or profile not known yet: the one stored rep of that name known only by
--          name, who adopts it (import_aliases_add.sql records it).
-- Several candidates leave rep_id NULL: the import is refused, naming them. Small: one row per
-- id of the batch that is not a stored rep's, read from the batch's distinct ids.
CREATE OR REPLACE TEMP TABLE rep_map AS
WITH batch AS (
    SELECT rep_id AS given, arg_max(name, snapshot_date) AS name, min(file_index) AS file_index
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
    SELECT given, any_value(how) AS how, list(DISTINCT candidate ORDER BY candidate) AS candidates
    FROM (
        SELECT * FROM candidate
        QUALIFY priority = min(priority) OVER (PARTITION BY given)
    )
    GROUP BY given
)
SELECT
    k.given,
    CASE WHEN len(b.candidates) = 1 THEN b.candidates[1] END AS rep_id,
    b.how,
    b.candidates,
    k.name,
    k.file_index
FROM best AS b
JOIN keyed AS k USING (given)
UNION ALL
SELECT k.given, a.rep_id, 'alias', [a.rep_id], k.name, k.file_index
FROM keyed AS k
JOIN rep_aliases AS a ON a.alias = k.given;
