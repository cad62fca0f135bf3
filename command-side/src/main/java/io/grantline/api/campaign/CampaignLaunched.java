package io.grantline.api.campaign;

import io.grantline.api.common.SortedSets;
import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.RiskTier;
import java.time.Instant;
import java.util.Set;
import org.axonframework.serialization.Revision;

/**
 * A campaign reviews every grant that has not ended, of {@code minRisk} or above (null: all tiers) and of the given
 * entitlements (empty: all), by {@code dueAt}.
 */
@Revision("1")
public record CampaignLaunched(CampaignId campaignId, RiskTier minRisk, Set<EntitlementId> entitlementIds, Instant dueAt,
                               NoDecisionPolicy onNoDecision, Instant launchedAt) implements CampaignEvent {

    public CampaignLaunched {
        entitlementIds = SortedSets.of(entitlementIds);
    }
}
