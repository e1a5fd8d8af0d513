-- Who the rep typed in an entry (`ssi-tui add`, the entry form) is, best match first:
-- 1 the rep with that id, 2 the rep who adopted it as an alias (an e-mail or profile),
-- 3 the reps of that name, matched as imports match names (name_key, import_macros.sql:
-- case, accents, spacing and punctuation ignored). importing/rep_match.py keeps the best.
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
)
ORDER BY how, name, rep_id;
