-- history_copy/columns.sql: the tables of the database's own schema.
SELECT table_name::text, column_name::text, data_type::text
FROM information_schema.columns
WHERE table_schema = current_schema()
ORDER BY table_name, ordinal_position;
