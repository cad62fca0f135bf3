package io.grantline.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record MarkIdentityCompromised(@TargetAggregateIdentifier IdentityId identityId, String reason) {
}
