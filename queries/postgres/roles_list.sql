-- Every login holding a group role of ssi-tui (its highest), with the teams it is limited to.
SELECT r.rolname::text AS login,
       (SELECT g.rolname::text
        FROM pg_roles g
        WHERE g.rolname IN ('ssi_viewer', 'ssi_importer', 'ssi_admin')
          AND pg_has_role(r.oid, g.oid, 'USAGE')
        ORDER BY CASE g.rolname WHEN 'ssi_admin' THEN 0 WHEN 'ssi_importer' THEN 1 ELSE 2 END
        LIMIT 1) AS level,
       coalesce((SELECT string_agg(t.team, ', ' ORDER BY t.team)
                 FROM team_access t WHERE t.role_name = r.rolname), '') AS teams
FROM pg_roles r
WHERE r.rolname NOT IN ('ssi_viewer', 'ssi_importer', 'ssi_admin')
  AND NOT r.rolsuper
  AND EXISTS (SELECT 1 FROM pg_roles g
              WHERE g.rolname IN ('ssi_viewer', 'ssi_importer', 'ssi_admin')
                AND pg_has_role(r.oid, g.oid, 'USAGE'))
ORDER BY login;
