-- Drop the staged activity rows once written (or classified, in a dry run).
DROP TABLE IF EXISTS staged_activities;
