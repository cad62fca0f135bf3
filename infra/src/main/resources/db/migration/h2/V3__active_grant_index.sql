-- Which identity holds which entitlement through a grant that has not ended. Written by a subscribing event
-- processor in the same transaction as the grant's events, so separation-of-duties checks read it consistently.
CREATE TABLE active_grant_index (
    grant_id       VARCHAR(128) NOT NULL PRIMARY KEY,
    identity_id    VARCHAR(128) NOT NULL,
    entitlement_id VARCHAR(128) NOT NULL
);
CREATE INDEX active_grant_index_identity ON active_grant_index (identity_id);
