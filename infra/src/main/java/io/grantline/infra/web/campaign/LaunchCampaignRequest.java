package io.grantline.infra.web.campaign;

import io.grantline.api.campaign.CampaignId;
import io.grantline.api.campaign.LaunchCampaign;
import io.grantline.api.campaign.NoDecisionPolicy;
import io.grantline.api.entitlement.RiskTier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** Body of {@code POST /api/campaigns}: {@code {id?, dueAt, scope?: {minRisk?}, onNoDecision?}}. */
record LaunchCampaignRequest(CampaignId id, @NotNull Instant dueAt, @Valid Scope scope, NoDecisionPolicy onNoDecision) {

    record Scope(RiskTier minRisk) {
    }

    LaunchCampaign toCommand(CampaignId campaignId) {
        return new LaunchCampaign(campaignId, scope == null ? null : scope.minRisk(), dueAt, onNoDecision);
    }
}
