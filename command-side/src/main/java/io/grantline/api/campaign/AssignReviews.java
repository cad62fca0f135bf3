package io.grantline.api.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes the snapshot of the grants in scope and opens one review per reviewer. A repeat changes nothing. */
public record AssignReviews(@TargetAggregateIdentifier CampaignId campaignId) {
}
