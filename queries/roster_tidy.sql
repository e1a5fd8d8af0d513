-- A name or team as the importer stores it (tidy_name, import_macros.sql).
SELECT tidy_name($text);
