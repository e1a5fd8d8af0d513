-- Whether `roles setup` has been run on this history (its team_access table exists).
SELECT to_regclass('team_access') IS NOT NULL;
