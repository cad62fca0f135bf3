package io.grantline.api.identity;

import org.axonframework.serialization.Revision;

@Revision("1")
public record IdentityDeparted(IdentityId identityId, String reason) implements IdentityEvent {
}
