-- What recertification reads consistently with the event store: written by a subscribing event processor in the
-- same transaction as the events they follow (like active_grant_index), never by a read model that may lag.
-- Who each identity is for reviewer routing (owner, manager, status) and where its mail goes.
CREATE TABLE review_identity_index (
    identity_id  VARCHAR(128)  NOT NULL PRIMARY KEY,
    kind         VARCHAR(32)   NOT NULL,
    status       VARCHAR(32)   NOT NULL,
    manager_id   VARCHAR(128),
    owner_id     VARCHAR(128),
    email        VARCHAR(320),
    display_name VARCHAR(1000)
);
-- Each entitlement's owner (a person's grant is reviewed by them) and risk tier (a campaign's scope).
CREATE TABLE review_entitlement_index (
    entitlement_id VARCHAR(128) NOT NULL PRIMARY KEY,
    owner_id       VARCHAR(128) NOT NULL,
    risk           VARCHAR(16)  NOT NULL
);
-- Who holds each review now and how much is left: digests and reminders go to the current reviewer, and a reviewer
-- who leaves hands on every open review.
CREATE TABLE review_assignment (
    review_id   VARCHAR(128) NOT NULL PRIMARY KEY,
    campaign_id VARCHAR(64)  NOT NULL,
    reviewer_id VARCHAR(128),
    open_items  INTEGER      NOT NULL,
    due_at_ms   BIGINT       NOT NULL,
    closed      BOOLEAN      NOT NULL
);
CREATE INDEX review_assignment_reviewer ON review_assignment (reviewer_id, closed);
