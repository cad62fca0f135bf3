package io.grantline.api.request;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.grant.GrantId;
import io.grantline.api.identity.IdentityId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Every stage approved: grant {@code grantId} is to run from {@code validFrom} to {@code validUntil}. */
@Revision("1")
public record AccessRequestApproved(AccessRequestId requestId, GrantId grantId, IdentityId beneficiaryId,
                                    EntitlementId entitlementId, Instant validFrom, Instant validUntil)
        implements AccessRequestEvent {
}
