package io.grantline.api.request;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.identity.IdentityId;
import java.time.Duration;
import org.axonframework.serialization.Revision;

/**
 * A ticket was filed. {@code duration} is the grant asked for (the entitlement's maximum when none was given);
 * {@code risk} is the entitlement's tier at filing, which the approval policy decides on.
 */
@Revision("1")
public record AccessRequested(AccessRequestId requestId, IdentityId requesterId, IdentityId beneficiaryId,
                              EntitlementId entitlementId, String justification, String ticket, Duration duration,
                              boolean emergency, RiskTier risk) implements AccessRequestEvent {
}
