package io.grantline.api.grant;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.identity.IdentityId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The grant ended at {@code endedAt}, for {@code reason}; deprovisioning follows. */
@Revision("1")
public record GrantRevoked(GrantId grantId, IdentityId identityId, EntitlementId entitlementId, EndReason reason,
                           String comment, Instant endedAt) implements GrantEvent {
}
