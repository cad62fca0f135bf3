package io.grantline.api.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Moves an open review to its reviewer's manager (the nearest active one). Answers the new reviewer's id, or null
 * when the review stays where it is (closed, or nobody above).
 */
public record EscalateReview(@TargetAggregateIdentifier ReviewId reviewId, ReassignmentReason reason) {
}
