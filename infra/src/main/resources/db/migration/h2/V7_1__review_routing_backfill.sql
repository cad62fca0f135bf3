-- Entitlements defined before review_entitlement_index existed (V6_10) were never written to it, so a campaign left
-- their grants out of its scope. Each row here asks the application to build one index once from the events at its
-- next start (the node that deletes the row builds it); on a database made from scratch that build reads no event
-- it has not already indexed and changes nothing.
CREATE TABLE index_backfill (
    index_name VARCHAR(64) NOT NULL PRIMARY KEY
);
INSERT INTO index_backfill (index_name) VALUES ('review_entitlement_index');
