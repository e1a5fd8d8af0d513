-- What merging $from into $into does to each of FROM's snapshots (and activities, source
-- 'activity'): 'move' (INTO has none that day and source), 'same' (INTO has the very same
-- values: one row is enough) or 'conflict' (INTO has other values: refused unless --keep).
WITH from_rows AS (
    SELECT
        f.snapshot_date, f.source, f.ssi AS from_ssi, i.ssi AS into_ssi,
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
    LEFT JOIN snapshots AS i
        ON i.rep_id = $into AND i.snapshot_date = f.snapshot_date AND i.source = f.source
    WHERE f.rep_id = $from
),
from_activities AS (
    SELECT
        f.snapshot_date, 'activity' AS source, NULL::DOUBLE AS from_ssi, NULL::DOUBLE AS into_ssi,
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
                AND f.connection_requests_accepted
                    IS NOT DISTINCT FROM i.connection_requests_accepted
                AND f.connections IS NOT DISTINCT FROM i.connections
                AND f.senior_connections IS NOT DISTINCT FROM i.senior_connections
                THEN 'same'
            ELSE 'conflict'
        END
    FROM activities AS f
    LEFT JOIN activities AS i ON i.rep_id = $into AND i.snapshot_date = f.snapshot_date
    WHERE f.rep_id = $from
)
SELECT * FROM from_rows
UNION ALL
SELECT * FROM from_activities
ORDER BY snapshot_date, source;
