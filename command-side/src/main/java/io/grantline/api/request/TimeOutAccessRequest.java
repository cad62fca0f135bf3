package io.grantline.api.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record TimeOutAccessRequest(@TargetAggregateIdentifier AccessRequestId requestId) {
}
