package io.grantline.api.identity;

import org.axonframework.serialization.Revision;

/** A non-human identity was handed to a new accountable human owner. */
@Revision("1")
public record OwnerAssigned(IdentityId identityId, IdentityId ownerId, IdentityId previousOwnerId)
        implements IdentityEvent {
}
