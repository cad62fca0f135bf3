-- An owner's non-human identities are looked up when the owner stops being active (identity-lockout, hand-over).
CREATE INDEX identity_index_owner ON identity_index (owner_id);
