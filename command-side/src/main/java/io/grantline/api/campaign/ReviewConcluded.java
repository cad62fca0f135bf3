package io.grantline.api.campaign;

import org.axonframework.serialization.Revision;

/** One review's final counts, as the campaign tallies them. */
@Revision("1")
public record ReviewConcluded(CampaignId campaignId, ReviewId reviewId, int certified, int revoked, int undecided)
        implements CampaignEvent {
}
