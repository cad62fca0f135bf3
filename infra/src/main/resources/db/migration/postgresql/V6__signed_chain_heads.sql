-- Signed checkpoint heads and the second form of the event hash (docs/adr/0004).

-- Which canonical form an event's hash was computed in: 1 (ADR 0004's first form, for rows stored before this
-- migration), 2 (also covers the event identifier and the aggregate type column). New rows are always form 2.
ALTER TABLE event_hash ADD COLUMN hash_form SMALLINT DEFAULT 1 NOT NULL;

-- Each checkpoint's head is signed with the Ed25519 key kept outside the database; a checkpoint made before signing
-- existed has none until an operator adopts it (grantline.chain.adopt-unchained-events).
ALTER TABLE chain_checkpoint ADD COLUMN signature VARCHAR(200);
ALTER TABLE chain_checkpoint ADD COLUMN key_id VARCHAR(64);

-- One row per day whose signed heads were mailed to the compliance officers: a cluster mails once a day.
CREATE TABLE chain_witness_mail (
    mail_day DATE                     NOT NULL PRIMARY KEY,
    sent_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
