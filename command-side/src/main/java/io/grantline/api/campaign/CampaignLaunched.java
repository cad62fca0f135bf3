package io.grantline.api.campaign;

import io.grantline.api.entitlement.RiskTier;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A campaign reviews every grant that has not ended, of {@code minRisk} or above (null: all), by {@code dueAt}. */
@Revision("1")
public record CampaignLaunched(CampaignId campaignId, RiskTier minRisk, Instant dueAt, NoDecisionPolicy onNoDecision,
                               Instant launchedAt) implements CampaignEvent {
}
