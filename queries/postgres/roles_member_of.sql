-- The group roles of ssi-tui a role is directly a member of.
SELECT g.rolname
FROM pg_auth_members m
JOIN pg_roles g ON g.oid = m.roleid
JOIN pg_roles r ON r.oid = m.member
WHERE r.rolname = ? AND g.rolname IN ('ssi_viewer', 'ssi_importer', 'ssi_admin');
