package io.grantline.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Hands a non-human identity to a new accountable owner; a suspended one is reinstated by it. */
public record AssignOwner(@TargetAggregateIdentifier IdentityId identityId, IdentityId ownerId) {
}
