-- Each table's columns and their types, in order: the rows copied are loaded with these types
-- (a column of NULLs alone has one too).
SELECT table_name, column_name, data_type
FROM information_schema.columns
WHERE table_schema = 'main'
ORDER BY table_name, ordinal_position;
