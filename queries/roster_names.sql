-- Every rep's id, name and team: what the entry form completes a rep from.
SELECT rep_id, name, team FROM reps ORDER BY name, rep_id;
