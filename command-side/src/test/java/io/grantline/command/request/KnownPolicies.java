package io.grantline.command.request;

import io.grantline.api.entitlement.PrivilegeLevel;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.identity.IdentityKind;
import io.grantline.api.request.ApprovalPolicy;
import io.grantline.api.request.ApprovalStage;
import java.time.Duration;
import java.util.List;

/** DESIGN.md's default approval policy, as version 1 of the table "approval-policy", for aggregate tests. */
final class KnownPolicies implements ApprovalPolicyTable {

    static final ApprovalPolicy.DecisionTableRef TABLE = new ApprovalPolicy.DecisionTableRef("approval-policy", 1);

    private ApprovalPolicy override;

    /** From now on every request gets {@code policy}, whatever its risk (a site that edited its table). */
    KnownPolicies always(ApprovalPolicy policy) {
        this.override = policy;
        return this;
    }

    @Override
    public ApprovalPolicy decide(RiskTier risk, PrivilegeLevel level, IdentityKind beneficiaryKind, String zone, boolean emergency) {
        return override != null ? override : emergency ? EMERGENCY : of(risk);
    }

    /** Any tier in an emergency: the resource owner and OT security review afterwards, with fresh sign-in; 4 hours at most. */
    static final ApprovalPolicy EMERGENCY = new ApprovalPolicy(List.of(ApprovalStage.RESOURCE_OWNER, ApprovalStage.OT_SECURITY),
            true, Duration.ofHours(4), TABLE);

    static ApprovalPolicy of(RiskTier risk) {
        return switch (risk) {
            case LOW, MEDIUM -> new ApprovalPolicy(List.of(ApprovalStage.MANAGER), false, null, TABLE);
            case HIGH -> new ApprovalPolicy(List.of(ApprovalStage.MANAGER, ApprovalStage.RESOURCE_OWNER), false, null, TABLE);
            case CRITICAL -> new ApprovalPolicy(List.of(ApprovalStage.MANAGER, ApprovalStage.RESOURCE_OWNER,
                    ApprovalStage.OT_SECURITY), true, Duration.ofHours(8), TABLE);
        };
    }
}
