SELECT rep_id, name FROM reps;
