-- known_hashes.sql for a history older than schema version 7 (read as it is by a dry run).
SELECT DISTINCT content_hash FROM imports;
