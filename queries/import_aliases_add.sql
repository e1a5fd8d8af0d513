-- The e-mails and profiles adopted by reps known only by name (import_rep_map.sql): theirs
-- from now on.
INSERT INTO rep_aliases (alias, rep_id)
SELECT given, rep_id FROM rep_map WHERE how = 'adopt' AND rep_id IS NOT NULL
ON CONFLICT DO NOTHING;
