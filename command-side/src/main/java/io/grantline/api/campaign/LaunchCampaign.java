package io.grantline.api.campaign;

import io.grantline.api.entitlement.RiskTier;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Starts a campaign; {@code minRisk} null reviews every grant, {@code onNoDecision} null means REVOKE. */
public record LaunchCampaign(@TargetAggregateIdentifier CampaignId campaignId, RiskTier minRisk, Instant dueAt,
                             NoDecisionPolicy onNoDecision) {
}
