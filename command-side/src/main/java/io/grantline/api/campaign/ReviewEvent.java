package io.grantline.api.campaign;

/**
 * The facts of one reviewer's share of a campaign. A campaign over 100,000 grants is split into one review per
 * reviewer, so that no stream, no aggregate and no process instance ever holds all its items (docs/adr/0007).
 */
public sealed interface ReviewEvent permits ReviewOpened, ReviewDecisionRecorded, ReviewEscalated, ReviewDelegated, ReviewClosed {

    CampaignId campaignId();

    ReviewId reviewId();
}
