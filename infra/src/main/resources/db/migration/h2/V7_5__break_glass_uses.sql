-- Each break-glass request as the event store has it (one row per request, at its filing): the allowance
-- grantline.break-glass.per-identity counts them for the beneficiary while the filing holds the beneficiary's lock.
-- Nothing to fill from older events: until this version an emergency request was refused before anything was stored.
CREATE TABLE break_glass_use (
    request_id  VARCHAR(128) PRIMARY KEY,
    identity_id VARCHAR(128) NOT NULL,
    filed_at_ms BIGINT       NOT NULL
);
CREATE INDEX break_glass_use_identity ON break_glass_use (identity_id, filed_at_ms);
