-- queries/activity_supersede.sql in PostgreSQL's words (the columns spelled out where DuckDB says BY NAME
-- and EXCLUDE); the same meaning, see there.
INSERT INTO superseded_activities (
    change_id, rep_id, snapshot_date, profile_photo, profile_completeness, articles_published,
    article_views, followers_gained, searches, leads_saved, profile_views, posts_shared,
    engagement_received, accounts_saved, inmails_sent, inmails_answered,
    connection_requests_sent, connection_requests_accepted, connections, senior_connections,
    model_hash, import_id
)
SELECT
    ?, a.rep_id, a.snapshot_date, a.profile_photo, a.profile_completeness, a.articles_published,
    a.article_views, a.followers_gained, a.searches, a.leads_saved, a.profile_views,
    a.posts_shared, a.engagement_received, a.accounts_saved, a.inmails_sent, a.inmails_answered,
    a.connection_requests_sent, a.connection_requests_accepted, a.connections,
    a.senior_connections, a.model_hash, a.import_id
FROM activities AS a
JOIN staged_activities AS u
  ON a.rep_id = u.rep_id AND a.snapshot_date = u.snapshot_date
WHERE u.status = 'updated';
