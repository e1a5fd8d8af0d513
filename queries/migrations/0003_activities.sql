-- Schema version 3: activity metrics (one row per rep and date) and the models that scored them.
-- Each activities row's estimated SSI is a snapshot with source 'estimated', written in the same
-- transaction; model_hash names the model that computed it (kept in estimate_models), so
-- `ssi-tui model explain` breaks down exactly the stored estimate. NULL = unknown, never zero.
CREATE TABLE estimate_models (
    model_hash VARCHAR PRIMARY KEY,
    name       VARCHAR NOT NULL,
    model_text VARCHAR NOT NULL
);

CREATE TABLE activities (
    rep_id                       VARCHAR NOT NULL,
    snapshot_date                DATE NOT NULL,
    profile_photo                DOUBLE,
    profile_completeness         DOUBLE,
    articles_published           DOUBLE,
    article_views                DOUBLE,
    followers_gained             DOUBLE,
    searches                     DOUBLE,
    leads_saved                  DOUBLE,
    profile_views                DOUBLE,
    posts_shared                 DOUBLE,
    engagement_received          DOUBLE,
    accounts_saved               DOUBLE,
    inmails_sent                 DOUBLE,
    inmails_answered             DOUBLE,
    connection_requests_sent     DOUBLE,
    connection_requests_accepted DOUBLE,
    connections                  DOUBLE,
    senior_connections           DOUBLE,
    model_hash                   VARCHAR NOT NULL,
    import_id                    INTEGER NOT NULL,
    PRIMARY KEY (rep_id, snapshot_date)
);
