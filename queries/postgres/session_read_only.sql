-- A viewer's connection: every transaction read-only, so nothing it runs can write the history.
SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY;
