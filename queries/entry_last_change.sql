-- The change an entry just wrote (the newest: the entry's write holds the file).
SELECT max(change_id) FROM changes;
