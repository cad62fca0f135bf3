package io.grantline.api.campaign;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.RiskTier;
import java.time.Instant;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Starts a campaign; {@code minRisk} null reviews every tier, {@code entitlementIds} null or empty every entitlement,
 * {@code onNoDecision} null means REVOKE.
 */
public record LaunchCampaign(@TargetAggregateIdentifier CampaignId campaignId, RiskTier minRisk, Set<EntitlementId> entitlementIds,
                             Instant dueAt, NoDecisionPolicy onNoDecision) {
}
