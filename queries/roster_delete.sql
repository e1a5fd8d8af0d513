-- Delete the rep in roster_target (roster_target.sql) with every snapshot, activity and alias,
-- each kept first under the change (the change contract, store/changes.py), so undo puts them
-- back. Targets stay: they have no superseded table, and a rep_id nobody has is never shown.
INSERT INTO superseded_snapshots (
    change_id, rep_id, snapshot_date, source, ssi, brand, people, insights, relationships,
    industry_rank, network_rank, industry_avg, network_avg, import_id
)
SELECT
    t.change_id, s.rep_id, s.snapshot_date, s.source, s.ssi, s.brand, s.people, s.insights,
    s.relationships, s.industry_rank, s.network_rank, s.industry_avg, s.network_avg, s.import_id
FROM snapshots AS s
JOIN roster_target AS t USING (rep_id);

INSERT INTO superseded_activities (
    change_id, rep_id, snapshot_date, profile_photo, profile_completeness, articles_published,
    article_views, followers_gained, searches, leads_saved, profile_views, posts_shared,
    engagement_received, accounts_saved, inmails_sent, inmails_answered,
    connection_requests_sent, connection_requests_accepted, connections, senior_connections,
    model_hash, import_id
)
SELECT
    t.change_id, a.rep_id, a.snapshot_date, a.profile_photo, a.profile_completeness,
    a.articles_published, a.article_views, a.followers_gained, a.searches, a.leads_saved,
    a.profile_views, a.posts_shared, a.engagement_received, a.accounts_saved, a.inmails_sent,
    a.inmails_answered, a.connection_requests_sent, a.connection_requests_accepted,
    a.connections, a.senior_connections, a.model_hash, a.import_id
FROM activities AS a
JOIN roster_target AS t USING (rep_id);

INSERT INTO superseded_aliases (change_id, alias, rep_id)
SELECT t.change_id, a.alias, a.rep_id FROM rep_aliases AS a JOIN roster_target AS t USING (rep_id);

INSERT INTO superseded_reps (change_id, rep_id, existed, name, team, left_on)
SELECT t.change_id, r.rep_id, TRUE, r.name, r.team, r.left_on
FROM reps AS r
JOIN roster_target AS t USING (rep_id);

DELETE FROM snapshots WHERE rep_id IN (SELECT rep_id FROM roster_target);
DELETE FROM activities WHERE rep_id IN (SELECT rep_id FROM roster_target);
DELETE FROM best_points WHERE rep_id IN (SELECT rep_id FROM roster_target);
DELETE FROM rep_aliases WHERE rep_id IN (SELECT rep_id FROM roster_target);
DELETE FROM reps WHERE rep_id IN (SELECT rep_id FROM roster_target);

-- A date only the deleted rep had is no longer a step of the as-of date.
DELETE FROM board_dates AS b
WHERE NOT EXISTS (
    SELECT 1 FROM snapshots AS s WHERE s.source = b.source AND s.snapshot_date = b.d
);

DROP TABLE roster_target;
