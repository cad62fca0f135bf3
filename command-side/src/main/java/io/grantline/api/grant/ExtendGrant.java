package io.grantline.api.grant;

import io.grantline.api.request.AccessRequestId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An approved extension request ({@code requestId}) moves the grant's end to {@code validUntil}. */
public record ExtendGrant(@TargetAggregateIdentifier GrantId grantId, AccessRequestId requestId, Instant validUntil) {
}
