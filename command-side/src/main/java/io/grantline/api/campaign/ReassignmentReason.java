package io.grantline.api.campaign;

/** Why a review moved to another reviewer. */
public enum ReassignmentReason {
    /** The reviewer did not finish within {@code grantline.recertification.escalate-after}. */
    UNANSWERED,
    /** The reviewer left, was suspended or was marked compromised. */
    REVIEWER_INACTIVE
}
