package io.grantline.api.grant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.AccessRequestId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * {@code identityId} holds {@code entitlementId} from {@code validFrom} until {@code validUntil}, once provisioned.
 * {@code sodExceptionFor}: a held entitlement this one conflicts with, held beside it by the request's approved
 * separation-of-duties exception (absent, and not written, otherwise).
 */
@Revision("1")
public record AccessGranted(GrantId grantId, AccessRequestId requestId, IdentityId identityId, EntitlementId entitlementId,
                            Instant validFrom, Instant validUntil,
                            @JsonInclude(JsonInclude.Include.NON_NULL) EntitlementId sodExceptionFor) implements GrantEvent {

    public AccessGranted(GrantId grantId, AccessRequestId requestId, IdentityId identityId, EntitlementId entitlementId,
                         Instant validFrom, Instant validUntil) {
        this(grantId, requestId, identityId, entitlementId, validFrom, validUntil, null);
    }
}
