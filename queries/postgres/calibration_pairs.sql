-- queries/calibration_pairs.sql in PostgreSQL's words; the same rows, see there for what each
-- part and column means. Here: $excluded is an array (= ANY) instead of a list, and ids are
-- ordered byte by byte (COLLATE "C") as DuckDB orders them, whatever the server's collation.
SELECT
    a.rep_id,
    a.snapshot_date,
    a.profile_photo, a.profile_completeness, a.articles_published, a.article_views,
    a.followers_gained, a.searches, a.leads_saved, a.profile_views, a.posts_shared,
    a.engagement_received, a.accounts_saved, a.inmails_sent, a.inmails_answered,
    a.connection_requests_sent, a.connection_requests_accepted, a.connections,
    a.senior_connections,
    s.ssi, s.brand, s.people, s.insights, s.relationships
FROM activities AS a
JOIN snapshots AS s
  ON s.rep_id = a.rep_id AND s.snapshot_date = a.snapshot_date AND s.source = 'official'
JOIN reps AS r ON r.rep_id = a.rep_id
WHERE NOT lower(a.rep_id) = ANY($excluded::text[])
  AND NOT lower(r.name) = ANY($excluded::text[])
  AND s.brand IS NOT NULL AND s.people IS NOT NULL
  AND s.insights IS NOT NULL AND s.relationships IS NOT NULL
ORDER BY a.snapshot_date, a.rep_id COLLATE "C";
