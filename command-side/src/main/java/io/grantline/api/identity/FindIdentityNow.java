package io.grantline.api.identity;

/**
 * One identity as the event store says it is now (not a read model that may lag), for a process step that acts on
 * its status: answered with an optional {@link IdentitySummary}.
 */
public record FindIdentityNow(IdentityId identityId) {
}
