package io.grantline.api.grant;

import org.axonframework.serialization.Revision;

@Revision("1")
public record GrantDeprovisioned(GrantId grantId, String connector) implements GrantEvent {
}
