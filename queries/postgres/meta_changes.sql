-- The change counter (see schema.sql): the change stamp of a history on a server.
SELECT value::bigint FROM ssi_meta WHERE key = 'changes';
