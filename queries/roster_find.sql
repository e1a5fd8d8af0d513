-- Reps a user may mean by $who (store/roster.py; needs import_macros.sql): an exact rep_id,
-- else an adopted alias, else a name as the importer matches names (case, accents, spacing and
-- punctuation ignored). `how` says which; the first kind found decides.
SELECT rep_id, name, 1 AS how FROM reps WHERE lower(rep_id) = lower($who)
UNION ALL
SELECT r.rep_id, r.name, 2 FROM rep_aliases AS a JOIN reps AS r USING (rep_id)
WHERE lower(a.alias) = lower($who)
UNION ALL
SELECT rep_id, name, 3 FROM reps
WHERE name_key(name) = name_key($who) AND name_key($who) <> ''
ORDER BY how, lower(name), rep_id;
