package io.grantline.api.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.grant.GrantId;
import io.grantline.api.identity.IdentityId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A request as API.md shows it: the policy it must satisfy, every stage with its decision, its grant, or why it was
 * rejected. {@code extendsGrantId}: the grant an extension request would extend (absent for a new grant); once approved,
 * {@code grantId} is that grant. {@code sodException}: the separation-of-duties exception asked for (absent otherwise).
 */
public record AccessRequestSummary(AccessRequestId id, IdentityId requesterId, IdentityId beneficiaryId,
                                   EntitlementId entitlementId, String justification, String ticket, Duration duration,
                                   AccessRequestStatus status, ApprovalPolicy policy, List<Stage> stages, GrantId grantId,
                                   Rejection rejection, Instant filedAt,
                                   @JsonInclude(Include.NON_NULL) GrantId extendsGrantId,
                                   @JsonInclude(Include.NON_NULL) SodException sodException) {

    /** The grant asked for, or the policy's longest grant where that is shorter: how long the grant lasts at most. */
    public Duration grantAtMost() {
        Duration longest = policy == null ? null : policy.longestGrant();
        return longest != null && duration != null && longest.compareTo(duration) < 0 ? longest : duration;
    }

    /** Emergency access, granted at once: its stages review the grant afterwards. */
    public boolean breakGlass() {
        return policy != null && policy.breakGlass();
    }

    /** Stages are decided while a request is pending, and a break-glass grant's reviews after it was approved. */
    public boolean openForDecisions() {
        return status == AccessRequestStatus.PENDING || (status == AccessRequestStatus.APPROVED && breakGlass());
    }

    public record Stage(int index, ApprovalStage name, Set<IdentityId> approverIds, boolean reauthenticationRequired,
                        Instant decideBy, Decision decision) {
    }

    /**
     * {@code comment} is in every answer, null when none was given (the contract lists it without a "?"); {@code flags}
     * too, empty when the decision needs no second look.
     */
    public record Decision(IdentityId approverId, DecisionOutcome outcome, DecisionChannel channel, Instant at,
                           @JsonInclude(Include.ALWAYS) String comment, DecisionAuthentication authentication, boolean reauthenticated,
                           List<Flag> flags) {

        public Decision {
            flags = flags == null ? List.of() : List.copyOf(flags);
        }
    }

    /** Why a decision deserves a second look, and for FAST_APPROVAL how soon after the approver was asked it came. */
    public record Flag(DecisionFlag kind, Duration afterAsked) {
    }

    public record Rejection(RejectionReason reason, String detail) {
    }
}
