package io.grantline.api.identity;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ManagerAssigned(IdentityId identityId, IdentityId managerId, IdentityId previousManagerId)
        implements IdentityEvent {
}
