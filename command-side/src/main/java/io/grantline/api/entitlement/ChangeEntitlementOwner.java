package io.grantline.api.entitlement;

import io.grantline.api.identity.IdentityId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeEntitlementOwner(@TargetAggregateIdentifier EntitlementId entitlementId, IdentityId ownerId) {
}
