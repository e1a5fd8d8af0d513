-- One rep's activity metrics on $date (NULL: their latest activity date), with the name and
-- text of the model that scored them (the estimate `ssi-tui model explain` breaks down).
-- $date is cast so that PostgreSQL knows its type when it is NULL.
SELECT
    a.snapshot_date,
    a.profile_photo, a.profile_completeness, a.articles_published, a.article_views,
    a.followers_gained, a.searches, a.leads_saved, a.profile_views, a.posts_shared,
    a.engagement_received, a.accounts_saved, a.inmails_sent, a.inmails_answered,
    a.connection_requests_sent, a.connection_requests_accepted, a.connections,
    a.senior_connections,
    m.name,
    m.model_text
FROM activities AS a
JOIN estimate_models AS m USING (model_hash)
WHERE a.rep_id = $rep_id
  AND (CAST($date AS DATE) IS NULL OR a.snapshot_date = CAST($date AS DATE))
ORDER BY a.snapshot_date DESC
LIMIT 1;
