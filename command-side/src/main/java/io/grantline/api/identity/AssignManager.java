package io.grantline.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AssignManager(@TargetAggregateIdentifier IdentityId identityId, IdentityId managerId) {
}
