package io.grantline.command.campaign;

import io.grantline.api.common.RuleViolation;

/** The broken rules of a campaign and its reviews. */
public final class CampaignRuleViolation {

    private CampaignRuleViolation() {
    }

    public static final class InvalidCampaignField extends RuleViolation {
        InvalidCampaignField(String field, String message) {
            super(Kind.INVALID, field, message);
        }
    }

    /** The review has closed (every item decided, or its due date passed). */
    public static final class ReviewNotOpen extends RuleViolation {
        ReviewNotOpen(String reviewId) {
            super(Kind.CONFLICT, null, "review '" + reviewId + "' has closed");
        }
    }

    /** Nobody decides, or hands on, a review that is not theirs. */
    public static final class NotYourReview extends RuleViolation {
        NotYourReview(String reviewId) {
            super(Kind.FORBIDDEN, null, "review '" + reviewId + "' is not yours to decide");
        }
    }

    public static final class ReviewItemNotFound extends RuleViolation {
        ReviewItemNotFound(String itemId) {
            super(Kind.NOT_FOUND, "itemId", "review item '" + itemId + "' not found");
        }
    }

    /** A second decision on an item is answered, not applied. */
    public static final class ItemDecidedAlready extends RuleViolation {
        ItemDecidedAlready(String itemId) {
            super(Kind.CONFLICT, "itemId", "review item '" + itemId + "' has been decided already");
        }
    }

    /** Four eyes: a reviewer never certifies (or revokes) their own grant. */
    public static final class OwnGrantReviewForbidden extends RuleViolation {
        OwnGrantReviewForbidden(String itemId) {
            super(Kind.FORBIDDEN, "itemId", "review item '" + itemId + "' is your own grant; your manager reviews it");
        }
    }

    /** HIGH and CRITICAL privileges are decided only by a reviewer who signed in, not by a link alone. */
    public static final class SignInRequired extends RuleViolation {
        SignInRequired(String itemId) {
            super(Kind.FORBIDDEN, "itemId", "review item '" + itemId + "' is HIGH or CRITICAL risk: sign in to decide it");
        }
    }

    /** A decision counts only from a reviewer who is active at that moment. */
    public static final class ReviewerNotActive extends RuleViolation {
        ReviewerNotActive(String reviewerId) {
            super(Kind.FORBIDDEN, null, "'" + reviewerId + "' is not an active reviewer");
        }
    }

    public static final class ReviewNotOfCampaign extends RuleViolation {
        ReviewNotOfCampaign(String reviewId, String campaignId) {
            super(Kind.INVALID, "reviewId", "review '" + reviewId + "' is not one of campaign '" + campaignId + "'");
        }
    }
}
