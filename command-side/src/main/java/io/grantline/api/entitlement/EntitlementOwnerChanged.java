package io.grantline.api.entitlement;

import io.grantline.api.identity.IdentityId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record EntitlementOwnerChanged(EntitlementId entitlementId, IdentityId ownerId, IdentityId previousOwnerId)
        implements EntitlementEvent {
}
