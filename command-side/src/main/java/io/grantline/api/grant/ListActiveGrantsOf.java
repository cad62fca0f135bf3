package io.grantline.api.grant;

import io.grantline.api.identity.IdentityId;

/**
 * The grants of an identity that have not ended, answered consistently with the event store (not from a read model
 * that may lag), so that revoking "everything" really revokes everything. Answered with a list of {@link GrantId}.
 */
public record ListActiveGrantsOf(IdentityId identityId) {
}
