package io.grantline.api.request;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AccessRequestRejected(AccessRequestId requestId, RejectionReason reason, String detail)
        implements AccessRequestEvent {
}
