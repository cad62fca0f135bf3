package io.grantline.api.campaign;

import io.grantline.api.identity.IdentityId;

/**
 * One reviewer's progress in a campaign (null reviewerId: items nobody could be assigned). {@code rubberStamp} flags a
 * reviewer who certified many items within seconds of each other; {@code fastestBurst} is the most certifications
 * they made inside one such window.
 */
public record ReviewerCompletion(IdentityId reviewerId, int items, int decided, int certified, int revoked, double completion,
                                 boolean rubberStamp, int fastestBurst) {
}
