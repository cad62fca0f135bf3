package io.grantline.api.request;

import io.grantline.api.identity.IdentityId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Who decided a stage, when, how, through which channel, from which address, and whether they re-authenticated. */
@Revision("1")
public record ApprovalDecisionRecorded(AccessRequestId requestId, int stageIndex, ApprovalStage stage, IdentityId approverId,
                                       DecisionOutcome outcome, String comment, DecisionChannel channel, String address,
                                       boolean reauthenticated, Instant decidedAt) implements AccessRequestEvent {
}
