package io.grantline.api.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Tallies a closed review into its campaign; the last one closes the campaign. A repeat changes nothing. */
public record ConcludeReview(@TargetAggregateIdentifier CampaignId campaignId, ReviewId reviewId, int certified, int revoked,
                             int undecided) {
}
