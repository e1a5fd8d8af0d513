-- The indexes of a new history (after schema.sql; store/postgres_store.py). The board reads the
-- points in force on a date (leaderboard.sql), an import the rows of its reps and dates
-- (import_classify.sql): without these each is a scan of every snapshot. A history built locally
-- gets them once its rows are in (store/postgres_build.py): built at once over a million rows
-- they took 1.0 s, kept up row by row 1.8 s.
-- Room to sort a million keys in memory while building (PostgreSQL's default is 64 MB), for
-- this transaction only.
SELECT set_config('maintenance_work_mem', '256MB', true);
CREATE INDEX snapshots_until ON snapshots (until);
CREATE INDEX snapshots_rep_date ON snapshots (rep_id, snapshot_date, source);
CREATE INDEX best_points_until ON best_points (until);
