-- How many threads DuckDB runs a query on (writer.bound_memory gives each some memory).
SELECT current_setting('threads');
