DROP TABLE IF EXISTS reps_before;
