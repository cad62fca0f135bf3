package io.grantline.api.request;

import io.grantline.api.common.SortedSets;
import io.grantline.api.identity.IdentityId;
import java.util.Set;

/** The answer to {@link OpenApprovalStage}: who must decide, or empty when the request was rejected for want of an approver. */
public record StageRouting(Set<IdentityId> approverIds) {

    public StageRouting {
        approverIds = SortedSets.of(approverIds);
    }

    public boolean rejected() {
        return approverIds.isEmpty();
    }
}
