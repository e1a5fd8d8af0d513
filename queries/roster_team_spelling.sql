-- The stored spelling of a team named $team in any case, if any rep is in it.
SELECT min(team) FROM reps WHERE lower(team) = lower($team);
