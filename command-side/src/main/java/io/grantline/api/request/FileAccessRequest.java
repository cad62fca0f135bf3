package io.grantline.api.request;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.grant.GrantId;
import io.grantline.api.identity.IdentityId;
import java.time.Duration;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Files a ticket for {@code beneficiaryId}: the requester themself, or a non-human identity the requester owns.
 * {@code duration} may be null (the entitlement's maximum). {@code authentication} is how the requester proved who they
 * are with this call, as the web layer saw it: break-glass asks for a fresh proof; null when not reported.
 * {@code extendsGrantId}: the beneficiary's active grant of the entitlement this request would extend, once approved
 * (for {@code duration} from the approval); null for a new grant. {@code sodExceptionReason}: why the beneficiary must
 * hold the entitlement although it conflicts with one they hold (separation of duties); null otherwise.
 */
public record FileAccessRequest(@TargetAggregateIdentifier AccessRequestId requestId, IdentityId requesterId,
                                IdentityId beneficiaryId, EntitlementId entitlementId, String justification, String ticket,
                                Duration duration, boolean emergency, DecisionAuthentication authentication, GrantId extendsGrantId,
                                String sodExceptionReason) {

    public FileAccessRequest(AccessRequestId requestId, IdentityId requesterId, IdentityId beneficiaryId, EntitlementId entitlementId,
                             String justification, String ticket, Duration duration, boolean emergency) {
        this(requestId, requesterId, beneficiaryId, entitlementId, justification, ticket, duration, emergency, null, null, null);
    }

    public FileAccessRequest(AccessRequestId requestId, IdentityId requesterId, IdentityId beneficiaryId, EntitlementId entitlementId,
                             String justification, String ticket, Duration duration, boolean emergency,
                             DecisionAuthentication authentication) {
        this(requestId, requesterId, beneficiaryId, entitlementId, justification, ticket, duration, emergency, authentication, null,
                null);
    }

    public FileAccessRequest(AccessRequestId requestId, IdentityId requesterId, IdentityId beneficiaryId, EntitlementId entitlementId,
                             String justification, String ticket, Duration duration, boolean emergency,
                             DecisionAuthentication authentication, GrantId extendsGrantId) {
        this(requestId, requesterId, beneficiaryId, entitlementId, justification, ticket, duration, emergency, authentication,
                extendsGrantId, null);
    }
}
