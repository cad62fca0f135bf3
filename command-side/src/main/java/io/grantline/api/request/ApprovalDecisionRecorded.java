package io.grantline.api.request;

import io.grantline.api.identity.IdentityId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Who decided a stage, when, through which channel, from which address, how they authenticated, and whether that
 * counted as fresh re-authentication. Revision 2 added {@code authentication} (see AccessRequestUpcasters).
 */
@Revision("2")
public record ApprovalDecisionRecorded(AccessRequestId requestId, int stageIndex, ApprovalStage stage, IdentityId approverId,
                                       DecisionOutcome outcome, String comment, DecisionChannel channel, String address,
                                       DecisionAuthentication authentication, boolean reauthenticated, Instant decidedAt)
        implements AccessRequestEvent {
}
