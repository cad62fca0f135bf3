package io.grantline.api.grant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordProvisioningFailure(@TargetAggregateIdentifier GrantId grantId, String reason) {
}
