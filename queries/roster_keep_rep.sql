-- A rep as it is, kept under the change about to alter it (the change contract, changes.py).
INSERT INTO superseded_reps (change_id, rep_id, existed, name, team, left_on)
SELECT $change_id, rep_id, TRUE, name, team, left_on FROM reps WHERE rep_id = $rep_id;
