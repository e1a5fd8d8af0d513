-- Who this connection is, and the highest group role of ssi-tui it holds (NULL: none).
SELECT current_user::text,
       (SELECT g.rolname::text
        FROM pg_roles g
        WHERE g.rolname IN ('ssi_viewer', 'ssi_importer', 'ssi_admin')
          AND pg_has_role(current_user, g.oid, 'USAGE')
        ORDER BY CASE g.rolname WHEN 'ssi_admin' THEN 0 WHEN 'ssi_importer' THEN 1 ELSE 2 END
        LIMIT 1);
