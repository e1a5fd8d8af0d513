-- Every import's write connection (store.bound_memory): DuckDB keeps at most $limit of
-- buffers (the staged export, the board rollup's sort) in memory and spills the rest (see
-- import_spill.sql). Unbounded, it takes up to 80% of RAM: a 1 M-row export peaked at 1.7x the
-- memory of DuckDB's own CSV load, and three million rows at 1.2 GB, inside the viewer's
-- process when the app imports.
SET memory_limit = $limit;
