-- Personal API tokens for integrations. Only the SHA-256 of a token is kept; the token itself is shown once.
CREATE TABLE api_token (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    identity_id   VARCHAR(200) NOT NULL,
    name          VARCHAR(100) NOT NULL,
    secret_sha256 CHAR(64)     NOT NULL UNIQUE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    last_used_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX api_token_identity ON api_token (identity_id);
