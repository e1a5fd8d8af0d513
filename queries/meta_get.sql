SELECT value FROM ssi_meta WHERE key = ?;
