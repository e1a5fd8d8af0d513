-- Every connection ssi-tui opens (store.py): DuckDB draws a progress bar on stdout for a query
-- that runs longer than two seconds, which would break `--json` output and the app's screen.
SET enable_progress_bar = false;
