package io.grantline.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SuspendIdentity(@TargetAggregateIdentifier IdentityId identityId, String reason) {
}
