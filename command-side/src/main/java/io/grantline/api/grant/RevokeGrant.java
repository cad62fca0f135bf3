package io.grantline.api.grant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends a grant now. Revoking an ended grant changes nothing. */
public record RevokeGrant(@TargetAggregateIdentifier GrantId grantId, EndReason reason, String comment) {
}
