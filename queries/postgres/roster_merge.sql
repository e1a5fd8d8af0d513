-- queries/roster_merge.sql in PostgreSQL's words (the columns spelled out where DuckDB says
-- REPLACE and BY NAME); the same meaning, see there.
-- Merge the reps in merge_pair (roster_merge_pair.sql), following the change contract
-- (store/changes.py): every row removed or replaced is kept first under the change; the rows
-- FROM brings carry the merge's imports row. Board points: roster_points.sql, after.
-- Each of FROM's rows: 'move', 'same' or 'conflict' (as roster_merge_plan.sql tells them).
CREATE OR REPLACE TEMP TABLE merge_rows AS
SELECT
    f.snapshot_date,
    f.source,
    CASE
        WHEN i.rep_id IS NULL THEN 'move'
        WHEN f.ssi = i.ssi
            AND f.brand IS NOT DISTINCT FROM i.brand
            AND f.people IS NOT DISTINCT FROM i.people
            AND f.insights IS NOT DISTINCT FROM i.insights
            AND f.relationships IS NOT DISTINCT FROM i.relationships
            AND f.industry_rank IS NOT DISTINCT FROM i.industry_rank
            AND f.network_rank IS NOT DISTINCT FROM i.network_rank
            AND f.industry_avg IS NOT DISTINCT FROM i.industry_avg
            AND f.network_avg IS NOT DISTINCT FROM i.network_avg
            THEN 'same'
        ELSE 'conflict'
    END AS status
FROM snapshots AS f
JOIN merge_pair AS p ON f.rep_id = p.from_id
LEFT JOIN snapshots AS i
    ON i.rep_id = p.into_id AND i.snapshot_date = f.snapshot_date AND i.source = f.source;

-- FROM's rows that land on INTO: the moved ones, and the conflicting ones when FROM wins.
CREATE OR REPLACE TEMP TABLE merge_landing AS
SELECT m.snapshot_date, m.source
FROM merge_rows AS m, merge_pair AS p
WHERE m.status = 'move' OR (m.status = 'conflict' AND p.keep = 'from');

-- Every snapshot of FROM, and each of INTO's that FROM's replaces, kept as it was.
INSERT INTO superseded_snapshots (
    change_id, rep_id, snapshot_date, source, ssi, brand, people, insights, relationships,
    industry_rank, network_rank, industry_avg, network_avg, import_id
)
SELECT
    p.change_id, s.rep_id, s.snapshot_date, s.source, s.ssi, s.brand, s.people, s.insights,
    s.relationships, s.industry_rank, s.network_rank, s.industry_avg, s.network_avg, s.import_id
FROM snapshots AS s
JOIN merge_pair AS p ON s.rep_id = p.from_id
    OR (s.rep_id = p.into_id AND EXISTS (
        SELECT 1 FROM merge_rows AS m
        WHERE m.status = 'conflict' AND p.keep = 'from'
          AND m.snapshot_date = s.snapshot_date AND m.source = s.source
    ));

DELETE FROM snapshots AS s
WHERE s.rep_id = (SELECT into_id FROM merge_pair)
  AND EXISTS (
      SELECT 1 FROM merge_rows AS m, merge_pair AS p
      WHERE m.status = 'conflict' AND p.keep = 'from'
        AND m.snapshot_date = s.snapshot_date AND m.source = s.source
  );

-- FROM's rows written anew under INTO (their points are worked out by roster_points.sql).
INSERT INTO snapshots (
    rep_id, snapshot_date, source, ssi, brand, people, insights, relationships,
    industry_rank, network_rank, industry_avg, network_avg, import_id, until, change, change_4w
)
SELECT
    p.into_id, s.snapshot_date, s.source, s.ssi, s.brand, s.people, s.insights,
    s.relationships, s.industry_rank, s.network_rank, s.industry_avg, s.network_avg,
    p.import_id, DATE '9999-12-31', NULL, NULL
FROM snapshots AS s
JOIN merge_pair AS p ON s.rep_id = p.from_id
JOIN merge_landing AS l USING (snapshot_date, source);

DELETE FROM snapshots WHERE rep_id = (SELECT from_id FROM merge_pair);
DELETE FROM best_points WHERE rep_id = (SELECT from_id FROM merge_pair);

-- Activities: the same, a day at a time (one activity row per rep and day).
CREATE OR REPLACE TEMP TABLE merge_activity_rows AS
SELECT
    f.snapshot_date,
    CASE
        WHEN i.rep_id IS NULL THEN 'move'
        WHEN f.model_hash = i.model_hash
            AND f.profile_photo IS NOT DISTINCT FROM i.profile_photo
            AND f.profile_completeness IS NOT DISTINCT FROM i.profile_completeness
            AND f.articles_published IS NOT DISTINCT FROM i.articles_published
            AND f.article_views IS NOT DISTINCT FROM i.article_views
            AND f.followers_gained IS NOT DISTINCT FROM i.followers_gained
            AND f.searches IS NOT DISTINCT FROM i.searches
            AND f.leads_saved IS NOT DISTINCT FROM i.leads_saved
            AND f.profile_views IS NOT DISTINCT FROM i.profile_views
            AND f.posts_shared IS NOT DISTINCT FROM i.posts_shared
            AND f.engagement_received IS NOT DISTINCT FROM i.engagement_received
            AND f.accounts_saved IS NOT DISTINCT FROM i.accounts_saved
            AND f.inmails_sent IS NOT DISTINCT FROM i.inmails_sent
            AND f.inmails_answered IS NOT DISTINCT FROM i.inmails_answered
            AND f.connection_requests_sent IS NOT DISTINCT FROM i.connection_requests_sent
            AND f.connection_requests_accepted IS NOT DISTINCT FROM i.connection_requests_accepted
            AND f.connections IS NOT DISTINCT FROM i.connections
            AND f.senior_connections IS NOT DISTINCT FROM i.senior_connections
            THEN 'same'
        ELSE 'conflict'
    END AS status
FROM activities AS f
JOIN merge_pair AS p ON f.rep_id = p.from_id
LEFT JOIN activities AS i ON i.rep_id = p.into_id AND i.snapshot_date = f.snapshot_date;

INSERT INTO superseded_activities (
    change_id, rep_id, snapshot_date, profile_photo, profile_completeness, articles_published,
    article_views, followers_gained, searches, leads_saved, profile_views, posts_shared,
    engagement_received, accounts_saved, inmails_sent, inmails_answered,
    connection_requests_sent, connection_requests_accepted, connections, senior_connections,
    model_hash, import_id
)
SELECT
    p.change_id, a.rep_id, a.snapshot_date, a.profile_photo, a.profile_completeness,
    a.articles_published, a.article_views, a.followers_gained, a.searches, a.leads_saved,
    a.profile_views, a.posts_shared, a.engagement_received, a.accounts_saved, a.inmails_sent,
    a.inmails_answered, a.connection_requests_sent, a.connection_requests_accepted,
    a.connections, a.senior_connections, a.model_hash, a.import_id
FROM activities AS a
JOIN merge_pair AS p ON a.rep_id = p.from_id
    OR (a.rep_id = p.into_id AND p.keep = 'from' AND EXISTS (
        SELECT 1 FROM merge_activity_rows AS m
        WHERE m.status = 'conflict' AND m.snapshot_date = a.snapshot_date
    ));

-- Copied aside before the originals go (one activity row per rep and day).
CREATE OR REPLACE TEMP TABLE merge_activities AS
SELECT
    p.into_id AS rep_id, a.snapshot_date, a.profile_photo, a.profile_completeness,
    a.articles_published, a.article_views, a.followers_gained, a.searches, a.leads_saved,
    a.profile_views, a.posts_shared, a.engagement_received, a.accounts_saved, a.inmails_sent,
    a.inmails_answered, a.connection_requests_sent, a.connection_requests_accepted,
    a.connections, a.senior_connections, a.model_hash, p.import_id AS import_id
FROM activities AS a
JOIN merge_pair AS p ON a.rep_id = p.from_id
JOIN merge_activity_rows AS m USING (snapshot_date)
WHERE m.status = 'move' OR (m.status = 'conflict' AND p.keep = 'from');

DELETE FROM activities AS a
WHERE a.rep_id = (SELECT from_id FROM merge_pair)
   OR (a.rep_id = (SELECT into_id FROM merge_pair) AND EXISTS (
       SELECT 1 FROM merge_activity_rows AS m, merge_pair AS p
       WHERE m.status = 'conflict' AND p.keep = 'from' AND m.snapshot_date = a.snapshot_date
   ));

INSERT INTO activities (
    rep_id, snapshot_date, profile_photo, profile_completeness, articles_published,
    article_views, followers_gained, searches, leads_saved, profile_views, posts_shared,
    engagement_received, accounts_saved, inmails_sent, inmails_answered,
    connection_requests_sent, connection_requests_accepted, connections, senior_connections,
    model_hash, import_id
)
SELECT
    rep_id, snapshot_date, profile_photo, profile_completeness, articles_published,
    article_views, followers_gained, searches, leads_saved, profile_views, posts_shared,
    engagement_received, accounts_saved, inmails_sent, inmails_answered,
    connection_requests_sent, connection_requests_accepted, connections, senior_connections,
    model_hash, import_id
FROM merge_activities;

-- FROM's aliases now name INTO, and so does FROM's own id: a later export with it lands on
-- INTO. superseded_aliases keeps each alias as it was (rep_id NULL: one the merge added).
INSERT INTO superseded_aliases (change_id, alias, rep_id)
SELECT p.change_id, a.alias, a.rep_id FROM rep_aliases AS a JOIN merge_pair AS p
    ON a.rep_id = p.from_id;
UPDATE rep_aliases SET rep_id = (SELECT into_id FROM merge_pair)
WHERE rep_id = (SELECT from_id FROM merge_pair);
INSERT INTO superseded_aliases (change_id, alias, rep_id)
SELECT change_id, from_id, NULL FROM merge_pair;
INSERT INTO rep_aliases (alias, rep_id) SELECT from_id, into_id FROM merge_pair;

-- FROM itself, kept as it was, goes.
INSERT INTO superseded_reps (change_id, rep_id, existed, name, team, left_on)
SELECT p.change_id, r.rep_id, TRUE, r.name, r.team, r.left_on
FROM reps AS r JOIN merge_pair AS p ON r.rep_id = p.from_id;
DELETE FROM reps WHERE rep_id = (SELECT from_id FROM merge_pair);

DROP TABLE merge_rows;
DROP TABLE merge_landing;
DROP TABLE merge_activity_rows;
DROP TABLE merge_activities;
DROP TABLE merge_pair;
