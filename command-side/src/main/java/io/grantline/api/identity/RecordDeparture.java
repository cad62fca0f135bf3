package io.grantline.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordDeparture(@TargetAggregateIdentifier IdentityId identityId, String reason) {
}
