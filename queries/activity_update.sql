-- Corrected measures (or another model's scoring) replace the stored row for that rep and date.
UPDATE activities AS a
SET profile_photo = u.profile_photo,
    profile_completeness = u.profile_completeness,
    articles_published = u.articles_published,
    article_views = u.article_views,
    followers_gained = u.followers_gained,
    searches = u.searches,
    leads_saved = u.leads_saved,
    profile_views = u.profile_views,
    posts_shared = u.posts_shared,
    engagement_received = u.engagement_received,
    accounts_saved = u.accounts_saved,
    inmails_sent = u.inmails_sent,
    inmails_answered = u.inmails_answered,
    connection_requests_sent = u.connection_requests_sent,
    connection_requests_accepted = u.connection_requests_accepted,
    connections = u.connections,
    senior_connections = u.senior_connections,
    model_hash = u.model_hash,
    import_id = f.import_id
FROM staged_activities AS u
JOIN import_files AS f USING (file_index)
WHERE u.status = 'updated'
  AND a.rep_id = u.rep_id
  AND a.snapshot_date = u.snapshot_date;
