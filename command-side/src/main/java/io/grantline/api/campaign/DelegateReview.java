package io.grantline.api.campaign;

import io.grantline.api.identity.IdentityId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The reviewer (or an administrator, {@code byAdministrator}) hands the review's open items to another active person. */
public record DelegateReview(@TargetAggregateIdentifier ReviewId reviewId, IdentityId byId, boolean byAdministrator,
                             IdentityId toReviewerId, String reason) {
}
