package io.grantline.api.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.List;

/**
 * What a request must pass to be granted, as the site's decision table said when it was filed.
 *
 * @param stages           the approval stages, in the order they run; for break-glass, the reviews after the grant
 * @param reauthentication whether every approver must prove who they are afresh (not only by the emailed link)
 * @param longestGrant     the policy's cap on the grant; null when the entitlement's maximum is the only limit
 * @param decisionTable    which version of which decision table chose this policy
 * @param breakGlass       emergency access: granted at once, and the stages review it afterwards (a rejection revokes).
 *                         Written only when true, so the JSON of every other policy is what it always was.
 */
public record ApprovalPolicy(List<ApprovalStage> stages, boolean reauthentication, Duration longestGrant,
                             DecisionTableRef decisionTable,
                             @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean breakGlass) {

    public ApprovalPolicy {
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    /** A policy that approves before the grant (every policy but break-glass). */
    public ApprovalPolicy(List<ApprovalStage> stages, boolean reauthentication, Duration longestGrant,
                          DecisionTableRef decisionTable) {
        this(stages, reauthentication, longestGrant, decisionTable, false);
    }

    /** A deployed decision table: its key and the version that was evaluated. */
    public record DecisionTableRef(String key, int version) {
    }
}
