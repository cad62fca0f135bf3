package io.grantline.api.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.grant.GrantId;
import io.grantline.api.identity.IdentityId;
import java.time.Duration;
import org.axonframework.serialization.Revision;

/**
 * A ticket was filed. {@code duration} is the grant asked for (the entitlement's maximum when none was given);
 * {@code risk} is the entitlement's tier at filing, which the approval policy decides on. {@code authentication}: for
 * break-glass, how the requester proved who they were when filing; absent (and not written) otherwise, so the JSON of
 * every other request is what it always was. {@code extendsGrantId}: an extension's grant (absent, and not written, for
 * a new grant). {@code sodException}: the separation-of-duties exception asked for (absent otherwise).
 */
@Revision("1")
public record AccessRequested(AccessRequestId requestId, IdentityId requesterId, IdentityId beneficiaryId,
                              EntitlementId entitlementId, String justification, String ticket, Duration duration,
                              boolean emergency, RiskTier risk,
                              @JsonInclude(JsonInclude.Include.NON_NULL) DecisionAuthentication authentication,
                              @JsonInclude(JsonInclude.Include.NON_NULL) GrantId extendsGrantId,
                              @JsonInclude(JsonInclude.Include.NON_NULL) SodException sodException)
        implements AccessRequestEvent {

    public AccessRequested(AccessRequestId requestId, IdentityId requesterId, IdentityId beneficiaryId, EntitlementId entitlementId,
                           String justification, String ticket, Duration duration, boolean emergency, RiskTier risk) {
        this(requestId, requesterId, beneficiaryId, entitlementId, justification, ticket, duration, emergency, risk, null, null, null);
    }

    public AccessRequested(AccessRequestId requestId, IdentityId requesterId, IdentityId beneficiaryId, EntitlementId entitlementId,
                           String justification, String ticket, Duration duration, boolean emergency, RiskTier risk,
                           DecisionAuthentication authentication) {
        this(requestId, requesterId, beneficiaryId, entitlementId, justification, ticket, duration, emergency, risk, authentication, null,
                null);
    }

    public AccessRequested(AccessRequestId requestId, IdentityId requesterId, IdentityId beneficiaryId, EntitlementId entitlementId,
                           String justification, String ticket, Duration duration, boolean emergency, RiskTier risk,
                           DecisionAuthentication authentication, GrantId extendsGrantId) {
        this(requestId, requesterId, beneficiaryId, entitlementId, justification, ticket, duration, emergency, risk, authentication,
                extendsGrantId, null);
    }
}
