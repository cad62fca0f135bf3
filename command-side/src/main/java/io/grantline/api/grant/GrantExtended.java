package io.grantline.api.grant;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.AccessRequestId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An approved extension request ({@code requestId}, approved under its own policy) moved the grant's end from
 * {@code previousValidUntil} to {@code validUntil}; the grant stays provisioned throughout.
 */
@Revision("1")
public record GrantExtended(GrantId grantId, AccessRequestId requestId, IdentityId identityId, EntitlementId entitlementId,
                            Instant previousValidUntil, Instant validUntil) implements GrantEvent {
}
