package io.grantline.infra.web.campaign;

import io.grantline.api.campaign.CampaignId;
import io.grantline.api.campaign.LaunchCampaign;
import io.grantline.api.campaign.NoDecisionPolicy;
import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.RiskTier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Body of {@code POST /api/campaigns}: {@code {id?, dueAt, scope?: {minRisk?, entitlementIds?}, onNoDecision?}}. */
record LaunchCampaignRequest(CampaignId id, @NotNull Instant dueAt, @Valid Scope scope, NoDecisionPolicy onNoDecision) {

    /** Which grants: of {@code minRisk} or above, of the listed entitlements only (both optional). */
    record Scope(RiskTier minRisk, @Size(max = 1000) List<@NotNull EntitlementId> entitlementIds) {
    }

    LaunchCampaign toCommand(CampaignId campaignId) {
        return new LaunchCampaign(campaignId, scope == null ? null : scope.minRisk(),
                scope == null || scope.entitlementIds() == null ? null : Set.copyOf(scope.entitlementIds()), dueAt, onNoDecision);
    }
}
