-- How long this transaction waits for the write lock, or any lock, before giving up ("busy").
SELECT set_config('lock_timeout', $wait, true);
