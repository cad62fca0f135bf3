package io.grantline.api.grant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Answers {@code true} when the grant is now ACTIVE, {@code false} when it had already ended (then deprovision). */
public record RecordProvisioning(@TargetAggregateIdentifier GrantId grantId, String connector) {
}
