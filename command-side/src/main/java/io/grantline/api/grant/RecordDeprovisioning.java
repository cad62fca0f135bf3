package io.grantline.api.grant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordDeprovisioning(@TargetAggregateIdentifier GrantId grantId, String connector) {
}
