package io.grantline.api.request;

import org.axonframework.serialization.Revision;

/**
 * The policy this request must satisfy, applied once when it was filed. The aggregate holds every later step to it:
 * nothing outside the request adds, drops or weakens a stage.
 */
@Revision("1")
public record ApprovalPolicyApplied(AccessRequestId requestId, ApprovalPolicy policy) implements AccessRequestEvent {
}
