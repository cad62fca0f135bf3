package io.grantline.api.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The due date passed: the review closes and its undecided items follow the campaign's policy. A repeat changes nothing. */
public record CloseReview(@TargetAggregateIdentifier ReviewId reviewId) {
}
