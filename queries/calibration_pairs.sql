-- Every rep and date with both activity metrics and an official snapshot: what calibration
-- fits the model's weights to (official pillars as the targets), oldest first. Reps in
-- $excluded (lower-cased ids or names: the config's opt-out list) are left out, and so are
-- snapshots that give a total alone (pillars unknown: nothing to fit a pillar to).
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
WHERE NOT list_contains($excluded, lower(a.rep_id))
  AND NOT list_contains($excluded, lower(r.name))
  AND s.brand IS NOT NULL AND s.people IS NOT NULL
  AND s.insights IS NOT NULL AND s.relationships IS NOT NULL
ORDER BY a.snapshot_date, a.rep_id;
