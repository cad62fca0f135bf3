package io.grantline.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReinstateIdentity(@TargetAggregateIdentifier IdentityId identityId, String reason) {
}
