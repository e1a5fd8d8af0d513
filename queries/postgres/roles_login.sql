-- A role of the server by name: whether it can log in (no row: there is no such role).
SELECT rolcanlogin FROM pg_roles WHERE rolname = ?;
