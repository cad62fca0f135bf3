package io.grantline.api.identity;

/**
 * The active external people {@code sponsorId} vouches for, as the event store says it now (not a read model that may
 * lag): whose sponsorship must be handed to another sponsor when that sponsor stops being active. Answered with a list
 * of {@link IdentitySummary}, by id.
 */
public record ListSponsoredPeople(IdentityId sponsorId) {
}
