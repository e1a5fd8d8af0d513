-- The import's vocabulary is part of a server's schema (schema.sql: name_key, tidy_name, ...):
-- nothing to define for each import.
SELECT 1;
