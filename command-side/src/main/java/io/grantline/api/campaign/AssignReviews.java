package io.grantline.api.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Takes the snapshot of the grants in scope and opens one review per reviewer. Answers the number of reviews
 * ({@code <campaignId>.r0} up to it); a repeat changes nothing and answers the same.
 */
public record AssignReviews(@TargetAggregateIdentifier CampaignId campaignId) {
}
