-- queries/undo_activities.sql in PostgreSQL's words (the columns spelled out where DuckDB says BY NAME
-- and EXCLUDE); the same meaning, see there.
INSERT INTO superseded_activities (
    change_id, rep_id, snapshot_date, profile_photo, profile_completeness, articles_published,
    article_views, followers_gained, searches, leads_saved, profile_views, posts_shared,
    engagement_received, accounts_saved, inmails_sent, inmails_answered,
    connection_requests_sent, connection_requests_accepted, connections, senior_connections,
    model_hash, import_id
)
SELECT
    u.undo, a.rep_id, a.snapshot_date, a.profile_photo, a.profile_completeness,
    a.articles_published, a.article_views, a.followers_gained, a.searches, a.leads_saved,
    a.profile_views, a.posts_shared, a.engagement_received, a.accounts_saved, a.inmails_sent,
    a.inmails_answered, a.connection_requests_sent, a.connection_requests_accepted,
    a.connections, a.senior_connections, a.model_hash, a.import_id
FROM activities AS a, undo_ids AS u
WHERE a.import_id IN (
    SELECT i.import_id FROM imports AS i JOIN undo_ids AS t ON i.change_id = t.target
);

DELETE FROM activities
WHERE import_id IN (
    SELECT i.import_id FROM imports AS i JOIN undo_ids AS t ON i.change_id = t.target
);

INSERT INTO activities (
    rep_id, snapshot_date, profile_photo, profile_completeness, articles_published,
    article_views, followers_gained, searches, leads_saved, profile_views, posts_shared,
    engagement_received, accounts_saved, inmails_sent, inmails_answered,
    connection_requests_sent, connection_requests_accepted, connections, senior_connections,
    model_hash, import_id
)
SELECT
    p.rep_id, p.snapshot_date, p.profile_photo, p.profile_completeness, p.articles_published,
    p.article_views, p.followers_gained, p.searches, p.leads_saved, p.profile_views,
    p.posts_shared, p.engagement_received, p.accounts_saved, p.inmails_sent, p.inmails_answered,
    p.connection_requests_sent, p.connection_requests_accepted, p.connections,
    p.senior_connections, p.model_hash, p.import_id
FROM superseded_activities AS p
JOIN undo_ids AS u ON p.change_id = u.target;
