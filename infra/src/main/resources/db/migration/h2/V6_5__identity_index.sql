-- Each identity's kind, status, roles, manager and owner. Written by a subscribing event processor in the same
-- transaction as the identity's events, so sign-in and role holders never wait for (or trust) a lagging read model.
CREATE TABLE identity_index (
    identity_id  VARCHAR(128) NOT NULL PRIMARY KEY,
    kind         VARCHAR(32)  NOT NULL,
    display_name VARCHAR(200),
    email        VARCHAR(320),
    manager_id   VARCHAR(128),
    owner_id     VARCHAR(128),
    roles        VARCHAR(512) NOT NULL,
    status       VARCHAR(32)  NOT NULL
);
