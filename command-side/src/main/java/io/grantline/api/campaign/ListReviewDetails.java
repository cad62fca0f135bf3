package io.grantline.api.campaign;

import io.grantline.api.identity.IdentityId;

/**
 * The caller's undecided items with what a reviewer weighs: how long the privilege has been held, how it was approved
 * and when it was last certified. {@code reviewId} null: every open review. Answered with a list of {@link ReviewDetail}.
 */
public record ListReviewDetails(IdentityId reviewerId, ReviewId reviewId) {
}
