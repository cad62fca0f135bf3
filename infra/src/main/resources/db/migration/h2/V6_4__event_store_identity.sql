-- Which event store this is: one random id, made once. The read-model store records it, so read models built from
-- one event store are never served beside another (ReadModelOwnership).
CREATE TABLE event_store_identity (
    singleton  INT          NOT NULL PRIMARY KEY CHECK (singleton = 1),
    id         VARCHAR(36)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
