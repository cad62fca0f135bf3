package io.grantline.api.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The grant of an approved request was refused by the grant's own rules (a race the approval could not see): the
 * request ends REJECTED with that reason, so it never rests APPROVED without a grant.
 */
public record RejectApprovedRequest(@TargetAggregateIdentifier AccessRequestId requestId, RejectionReason reason,
                                    String detail) {
}
