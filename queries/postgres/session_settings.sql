-- Every connection of ssi-tui: no JIT compilation. Its cost (seconds, paid again by every
-- query big enough to trigger it) was four times the leaderboard's own time at 3,000 reps, and
-- it slowed the import's queries alike; they gain nothing from it at these sizes.
SET jit = off;
