package io.grantline.api.campaign;

import io.grantline.api.grant.GrantId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The review ended: every item decided, or its due date passed. The grants nobody decided ({@code undecidedGrants})
 * follow {@code onNoDecision}: revoked with reason REVIEW, or kept.
 */
@Revision("1")
public record ReviewClosed(CampaignId campaignId, ReviewId reviewId, int certified, int revoked, NoDecisionPolicy onNoDecision,
                           List<GrantId> undecidedGrants, Instant closedAt) implements ReviewEvent {
}
