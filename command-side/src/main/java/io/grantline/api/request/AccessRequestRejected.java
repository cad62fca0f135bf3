package io.grantline.api.request;

import org.axonframework.serialization.Revision;

/**
 * The request ended without a grant, for {@code reason}. It may follow an approval: a grant refused after every stage
 * approved (a conflict that appeared meanwhile) rejects the request rather than leaving it approved with no grant.
 * Revision 2 renamed the reason SEPARATION_OF_DUTIES to SOD_CONFLICT.
 */
@Revision("2")
public record AccessRequestRejected(AccessRequestId requestId, RejectionReason reason, String detail)
        implements AccessRequestEvent {
}
