-- Recertification reads identities from identity_index, which sign-in and approvals read too: one table, kept by one
-- subscribing processor in the identity events' transaction.
DROP TABLE review_identity_index;
