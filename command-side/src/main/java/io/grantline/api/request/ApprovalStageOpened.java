package io.grantline.api.request;

import io.grantline.api.common.SortedSets;
import io.grantline.api.identity.IdentityId;
import java.time.Instant;
import java.util.Set;
import org.axonframework.serialization.Revision;

/** Stage {@code stageIndex} (0-based) now waits for one decision from any of {@code approverIds}, until {@code decideBy}. */
@Revision("1")
public record ApprovalStageOpened(AccessRequestId requestId, int stageIndex, ApprovalStage stage, Set<IdentityId> approverIds,
                                  boolean reauthenticationRequired, Instant decideBy) implements AccessRequestEvent {

    public ApprovalStageOpened {
        approverIds = SortedSets.of(approverIds);
    }
}
