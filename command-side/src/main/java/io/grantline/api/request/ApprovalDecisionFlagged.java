package io.grantline.api.request;

import io.grantline.api.identity.IdentityId;
import java.time.Duration;
import org.axonframework.serialization.Revision;

/**
 * A decision an auditor or a security team should look at twice, recorded with it; it changes nothing about the
 * decision. {@link DecisionFlag#FAST_APPROVAL}: an approval given {@code afterAsked} after the stage was put to the
 * approver (when its mail was queued), sooner than the site thinks anyone reads a request: a rubber stamp, or something
 * clicking links. {@link DecisionFlag#BREAK_GLASS_REJECTED}: a review found break-glass access that had been given
 * wrong, {@code afterAsked} after the reviewer was asked.
 */
@Revision("1")
public record ApprovalDecisionFlagged(AccessRequestId requestId, int stageIndex, IdentityId approverId, DecisionFlag flag,
                                      Duration afterAsked) implements AccessRequestEvent {
}
