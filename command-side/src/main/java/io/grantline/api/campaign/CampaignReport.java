package io.grantline.api.campaign;

import io.grantline.api.entitlement.RiskTier;
import java.time.Instant;

/**
 * A campaign's counts: {@code revoked} is every grant the campaign ended (by a reviewer, or by the policy:
 * {@code revokedForNoDecision}); {@code pending} is what is still undecided while it runs.
 */
public record CampaignReport(CampaignId id, CampaignStatus status, int total, int certified, int revoked, int pending,
                             int revokedForNoDecision, int keptForNoDecision, int reviews, Instant dueAt, RiskTier minRisk,
                             NoDecisionPolicy onNoDecision, Instant launchedAt, Instant closedAt) {
}
