-- Every row of a frame registered as `frame`, on a DuckDB connection of its own: how a server
-- backend reads an Arrow stream to send it in bulk (postgres/load_rows.sql).
SELECT * FROM frame;
