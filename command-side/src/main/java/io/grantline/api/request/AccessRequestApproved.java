package io.grantline.api.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.grant.GrantId;
import io.grantline.api.identity.IdentityId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Every stage approved: grant {@code grantId} is to run from {@code validFrom} to {@code validUntil}. With
 * {@code extendsGrant}, {@code grantId} is the beneficiary's active grant, whose end moves to {@code validUntil}
 * (written only when true, so every other approval's JSON is what it always was). {@code sodExceptionFor}: the held
 * entitlement the grant may conflict with, by the approved separation-of-duties exception (absent otherwise).
 */
@Revision("1")
public record AccessRequestApproved(AccessRequestId requestId, GrantId grantId, IdentityId beneficiaryId,
                                    EntitlementId entitlementId, Instant validFrom, Instant validUntil,
                                    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean extendsGrant,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) EntitlementId sodExceptionFor)
        implements AccessRequestEvent {

    public AccessRequestApproved(AccessRequestId requestId, GrantId grantId, IdentityId beneficiaryId, EntitlementId entitlementId,
                                 Instant validFrom, Instant validUntil) {
        this(requestId, grantId, beneficiaryId, entitlementId, validFrom, validUntil, false, null);
    }

    public AccessRequestApproved(AccessRequestId requestId, GrantId grantId, IdentityId beneficiaryId, EntitlementId entitlementId,
                                 Instant validFrom, Instant validUntil, boolean extendsGrant) {
        this(requestId, grantId, beneficiaryId, entitlementId, validFrom, validUntil, extendsGrant, null);
    }
}
