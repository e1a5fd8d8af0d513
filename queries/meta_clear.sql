-- A setting forgotten (store/settings.py): its key gone, so the fallback applies again.
DELETE FROM ssi_meta WHERE key = ?;
