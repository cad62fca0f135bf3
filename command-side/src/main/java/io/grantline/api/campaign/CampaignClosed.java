package io.grantline.api.campaign;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Every review has concluded. {@code revoked} counts reviewers' revocations; undecided grants were revoked
 * ({@code revokedForNoDecision}) or kept ({@code keptForNoDecision}) by the campaign's policy.
 */
@Revision("1")
public record CampaignClosed(CampaignId campaignId, int total, int certified, int revoked, int revokedForNoDecision,
                             int keptForNoDecision, Instant closedAt) implements CampaignEvent {
}
