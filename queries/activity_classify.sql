-- Stage the incoming activity rows and say, for each, what it does to the store:
-- 'added' (new rep/date), 'updated' (a corrected measure, or scored by another model) or
-- 'unchanged'. Needs `staged` (import_classify or import_stage_new) for the estimates.
CREATE OR REPLACE TEMP TABLE staged_activities AS
SELECT
    i.*,
    CASE
        WHEN a.rep_id IS NULL THEN 'added'
        WHEN i.profile_photo IS DISTINCT FROM a.profile_photo
          OR i.profile_completeness IS DISTINCT FROM a.profile_completeness
          OR i.articles_published IS DISTINCT FROM a.articles_published
          OR i.article_views IS DISTINCT FROM a.article_views
          OR i.followers_gained IS DISTINCT FROM a.followers_gained
          OR i.searches IS DISTINCT FROM a.searches
          OR i.leads_saved IS DISTINCT FROM a.leads_saved
          OR i.profile_views IS DISTINCT FROM a.profile_views
          OR i.posts_shared IS DISTINCT FROM a.posts_shared
          OR i.engagement_received IS DISTINCT FROM a.engagement_received
          OR i.accounts_saved IS DISTINCT FROM a.accounts_saved
          OR i.inmails_sent IS DISTINCT FROM a.inmails_sent
          OR i.inmails_answered IS DISTINCT FROM a.inmails_answered
          OR i.connection_requests_sent IS DISTINCT FROM a.connection_requests_sent
          OR i.connection_requests_accepted IS DISTINCT FROM a.connection_requests_accepted
          OR i.connections IS DISTINCT FROM a.connections
          OR i.senior_connections IS DISTINCT FROM a.senior_connections
          OR i.model_hash IS DISTINCT FROM a.model_hash
        THEN 'updated'
        ELSE 'unchanged'
    END AS status
FROM incoming_activities AS i
LEFT JOIN activities AS a
  ON a.rep_id = i.rep_id AND a.snapshot_date = i.snapshot_date;
