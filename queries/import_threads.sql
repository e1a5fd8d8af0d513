-- How many threads DuckDB runs a query on (store.bound_memory gives each some memory).
SELECT current_setting('threads');
