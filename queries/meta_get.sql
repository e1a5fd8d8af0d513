-- One setting the history keeps for every manager who opens it (store/settings.py), by key.
SELECT value FROM ssi_meta WHERE key = ?;
