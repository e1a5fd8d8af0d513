-- Schema version 2: SSI targets per team and per rep (the default target lives in the config).
CREATE TABLE targets (
    scope  VARCHAR NOT NULL CHECK (scope IN ('team', 'rep')),
    key    VARCHAR NOT NULL,   -- the team's name, or the rep's rep_id
    target DOUBLE NOT NULL CHECK (target > 0 AND target <= 100),
    PRIMARY KEY (scope, key)
);
