-- Every connection of ssi-tui: no JIT compilation. Its cost (seconds, paid again by every
-- query big enough to trigger it) was four times the leaderboard's own time at 3,000 reps, and
-- it slowed the import's queries alike; they gain nothing from it at these sizes.
SET jit = off;
-- Room for a sort in memory: the import's windows over the batch sort every row of it, and at
-- PostgreSQL's default (4 MB) a first import of 3,000 reps spilled each sort to disk (30-60 MB).
-- A limit per sort, taken only as needed.
SET work_mem = '64MB';
