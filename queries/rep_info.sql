-- One rep's name and team (the drill-down's title), whatever their snapshots.
SELECT name, team FROM reps WHERE rep_id = $rep_id;
