-- Reps a user may mean by NAME_OR_ID: an exact id, else an exact name (both case-insensitive).
SELECT rep_id, name, team FROM reps
WHERE lower(rep_id) = lower(?) OR lower(name) = lower(?)
ORDER BY (lower(rep_id) = lower(?)) DESC, name, rep_id;
