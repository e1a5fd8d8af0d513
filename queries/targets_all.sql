-- Every stored target: per team (key = team name) and per rep (key = rep_id).
SELECT scope, key, target FROM targets ORDER BY scope, key;
