package io.grantline.api.request;

import io.grantline.api.identity.IdentityId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The requester withdraws a pending request ({@code administrator}: an administrator does it for them). */
public record CancelAccessRequest(@TargetAggregateIdentifier AccessRequestId requestId, IdentityId cancelledBy,
                                  boolean administrator) {
}
