INSERT INTO activities (
    rep_id, snapshot_date, profile_photo, profile_completeness, articles_published,
    article_views, followers_gained, searches, leads_saved, profile_views, posts_shared,
    engagement_received, accounts_saved, inmails_sent, inmails_answered,
    connection_requests_sent, connection_requests_accepted, connections, senior_connections,
    model_hash, import_id
)
SELECT
    u.rep_id, u.snapshot_date, u.profile_photo, u.profile_completeness, u.articles_published,
    u.article_views, u.followers_gained, u.searches, u.leads_saved, u.profile_views,
    u.posts_shared, u.engagement_received, u.accounts_saved, u.inmails_sent, u.inmails_answered,
    u.connection_requests_sent, u.connection_requests_accepted, u.connections,
    u.senior_connections, u.model_hash, f.import_id
FROM staged_activities AS u
JOIN import_files AS f USING (file_index)
WHERE u.status = 'added';
