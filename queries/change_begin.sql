-- A new change (store/changes.py); its id tags what it writes.
INSERT INTO changes (kind, made_at, summary) VALUES (?, ?, ?)
RETURNING change_id;
