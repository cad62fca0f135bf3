package io.grantline.api.request;

import org.axonframework.serialization.Revision;

/** No decision came before the request's time-out; nothing is granted. */
@Revision("1")
public record AccessRequestTimedOut(AccessRequestId requestId) implements AccessRequestEvent {
}
