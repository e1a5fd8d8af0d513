-- One CSV in our own columns, read by DuckDB into `incoming`. $columns maps each header, in
-- the file's order, to its type; a column the file lacks (team, the ranks, the averages) is
-- left NULL, as the Polars path leaves it. strict_mode makes any malformed line an error
-- (the importer then takes the Polars path, which says what and where), and so is a date
-- that is not YYYY-MM-DD (canonical_check.sql refuses the years before 1000 that `%Y` also
-- reads from two or three digits).
INSERT INTO incoming BY NAME
SELECT $file_index AS file_index, 'official' AS source, * RENAME (date AS snapshot_date)
FROM read_csv(
    $path,
    header = true,
    auto_detect = false,
    columns = $columns,
    delim = ',',
    quote = '"',
    escape = '"',
    dateformat = '%Y-%m-%d',
    strict_mode = true,
    null_padding = false,
    encoding = 'utf-8'
);
