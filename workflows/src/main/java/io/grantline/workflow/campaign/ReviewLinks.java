package io.grantline.workflow.campaign;

import io.grantline.api.campaign.ReviewId;
import io.grantline.api.identity.IdentityId;
import java.net.URI;
import java.time.Instant;

/** Makes the signed link of a review digest: bound to one review and one reviewer, expiring at the due date. */
public interface ReviewLinks {

    URI linkFor(ReviewId reviewId, IdentityId reviewerId, Instant expiresAt);
}
