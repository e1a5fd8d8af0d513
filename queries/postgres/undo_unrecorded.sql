-- queries/undo_unrecorded.sql in PostgreSQL's words (psycopg binds no `$1`: the one parameter
-- named once, in a subquery); the same meaning, see there.
SELECT NOT EXISTS (SELECT 1 FROM superseded_snapshots WHERE change_id = t.id)
   AND NOT EXISTS (SELECT 1 FROM superseded_activities WHERE change_id = t.id)
FROM (SELECT ?::INTEGER AS id) AS t;
