package io.grantline.api.request;

import io.grantline.api.identity.IdentityId;
import java.time.Duration;
import org.axonframework.serialization.Revision;

/**
 * A decision an auditor should look at twice, recorded with it: for {@link DecisionFlag#FAST_APPROVAL}, an approval
 * given {@code afterAsked} after the stage was put to the approver (when its mail was queued), sooner than the site
 * thinks anyone reads a request: a rubber stamp, or something clicking links. It changes nothing about the decision.
 */
@Revision("1")
public record ApprovalDecisionFlagged(AccessRequestId requestId, int stageIndex, IdentityId approverId, DecisionFlag flag,
                                      Duration afterAsked) implements AccessRequestEvent {
}
