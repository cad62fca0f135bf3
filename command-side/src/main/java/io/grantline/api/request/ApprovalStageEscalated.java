package io.grantline.api.request;

import io.grantline.api.common.SortedSets;
import io.grantline.api.identity.IdentityId;
import java.util.Set;
import org.axonframework.serialization.Revision;

/** Nobody answered in time: the stage moved to the approvers' managers. */
@Revision("1")
public record ApprovalStageEscalated(AccessRequestId requestId, int stageIndex, Set<IdentityId> approverIds,
                                     Set<IdentityId> previousApproverIds) implements AccessRequestEvent {

    public ApprovalStageEscalated {
        approverIds = SortedSets.of(approverIds);
        previousApproverIds = SortedSets.of(previousApproverIds);
    }
}
