package io.grantline.api.request;

import io.grantline.api.common.SortedSets;
import io.grantline.api.identity.IdentityId;
import java.util.Set;

/**
 * Who must decide a stage now: the answer to opening, escalating or reassigning it. Empty approvers mean the request
 * was rejected for want of an approver.
 */
public record StageRouting(ApprovalStage stage, Set<IdentityId> approverIds) {

    public StageRouting {
        approverIds = SortedSets.of(approverIds);
    }

    public boolean rejected() {
        return approverIds.isEmpty();
    }
}
