-- Tamper evidence for the event store (docs/adr/0004). Each stored event's SHA-256 hash, chained to the hash of the
-- event before it in its stream, is written in the same transaction as the event itself.
CREATE TABLE event_hash (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    hash                 CHAR(64)     NOT NULL,
    previous_hash        CHAR(64),
    -- the checkpoint that folded this hash into the global chain; null until the next checkpoint runs
    checkpoint_id        BIGINT,
    PRIMARY KEY (aggregate_identifier, sequence_number)
);
CREATE INDEX event_hash_checkpoint ON event_hash (checkpoint_id);

-- Checkpoints chain the global order: each folds the event hashes not yet folded, in global index order, onto the
-- head of the checkpoint before it, so a stream deleted as a whole (events and hashes) is found too.
CREATE TABLE chain_checkpoint (
    id                 BIGSERIAL                NOT NULL PRIMARY KEY,
    up_to_global_index BIGINT                   NOT NULL,
    event_count        BIGINT                   NOT NULL,
    head_hash          CHAR(64)                 NOT NULL,
    previous_head_hash CHAR(64),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
