-- Local sign-in accounts. Password hashes live here, never in the event store: no secret is ever an event.
-- username is an identity id, or the bootstrap administrator's name.
CREATE TABLE local_account (
    username      VARCHAR(128) NOT NULL PRIMARY KEY,
    password_hash VARCHAR(255) NOT NULL,
    administrator BOOLEAN      NOT NULL DEFAULT FALSE,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
