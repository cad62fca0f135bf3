package io.grantline.api.request;

import io.grantline.api.identity.IdentityId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record AccessRequestCancelled(AccessRequestId requestId, IdentityId cancelledBy) implements AccessRequestEvent {
}
