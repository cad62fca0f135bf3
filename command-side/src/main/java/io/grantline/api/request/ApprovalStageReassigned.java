package io.grantline.api.request;

import io.grantline.api.common.SortedSets;
import io.grantline.api.identity.IdentityId;
import java.util.Set;
import org.axonframework.serialization.Revision;

/**
 * An approver of an open stage stopped being active (compromised, departed, suspended): the stage moved to the
 * remaining approvers, or to that approver's manager. The inactive approver's links no longer decide anything.
 */
@Revision("1")
public record ApprovalStageReassigned(AccessRequestId requestId, int stageIndex, IdentityId inactiveApproverId,
                                      Set<IdentityId> approverIds, Set<IdentityId> previousApproverIds)
        implements AccessRequestEvent {

    public ApprovalStageReassigned {
        approverIds = SortedSets.of(approverIds);
        previousApproverIds = SortedSets.of(previousApproverIds);
    }
}
