package io.grantline.api.campaign;

/**
 * Who holds a review now and how much is left, answered consistently with the event store (a table written in the
 * transaction of the review's events), so a process step right after an escalation mails the right person.
 * Answered with an optional {@link ReviewAssignment}.
 */
public record FindReviewAssignment(ReviewId reviewId) {
}
