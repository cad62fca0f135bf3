package io.grantline.api.identity;

/**
 * The active non-human identities {@code ownerId} is the accountable owner of, as the event store says it now (not a
 * read model that may lag): what must be handed over when that owner stops being active. Answered with a list of
 * {@link IdentitySummary}, by id.
 */
public record ListOwnedIdentities(IdentityId ownerId) {
}
