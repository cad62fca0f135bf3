package io.grantline.api.grant;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.AccessRequestId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** {@code identityId} holds {@code entitlementId} from {@code validFrom} until {@code validUntil}, once provisioned. */
@Revision("1")
public record AccessGranted(GrantId grantId, AccessRequestId requestId, IdentityId identityId, EntitlementId entitlementId,
                            Instant validFrom, Instant validUntil) implements GrantEvent {
}
