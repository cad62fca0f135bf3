-- An external person's sponsor and the end of their sponsorship, as the event store has them now: the process that
-- ends a sponsorship and mails its sponsor reads them here.
ALTER TABLE identity_index ADD COLUMN sponsor_id VARCHAR(128);
ALTER TABLE identity_index ADD COLUMN ends_at_ms BIGINT;
