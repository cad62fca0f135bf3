package io.grantline.api.entitlement;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RetireEntitlement(@TargetAggregateIdentifier EntitlementId entitlementId, String reason) {
}
