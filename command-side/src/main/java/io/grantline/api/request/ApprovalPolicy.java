package io.grantline.api.request;

import java.time.Duration;
import java.util.List;

/**
 * What a request must pass to be granted, as the site's decision table said when it was filed.
 *
 * @param stages           the approval stages, in the order they run
 * @param reauthentication whether every approver must prove who they are afresh (not only by the emailed link)
 * @param longestGrant     the policy's cap on the grant; null when the entitlement's maximum is the only limit
 * @param decisionTable    which version of which decision table chose this policy
 */
public record ApprovalPolicy(List<ApprovalStage> stages, boolean reauthentication, Duration longestGrant,
                             DecisionTableRef decisionTable) {

    public ApprovalPolicy {
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    /** A deployed decision table: its key and the version that was evaluated. */
    public record DecisionTableRef(String key, int version) {
    }
}
