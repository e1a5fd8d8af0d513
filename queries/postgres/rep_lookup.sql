-- queries/rep_lookup.sql in PostgreSQL's words; the same rows in the same order, see there.
-- Here names and ids are ordered byte by byte (COLLATE "C") as DuckDB orders them, whatever
-- the server's collation (a message lists the reps sharing a name in this order).
SELECT rep_id, name, team FROM reps
WHERE lower(rep_id) = lower(?) OR lower(name) = lower(?)
ORDER BY (lower(rep_id) = lower(?)) DESC, name COLLATE "C", rep_id COLLATE "C";
