package io.grantline.api.grant;

import org.axonframework.serialization.Revision;

/** The target system now enforces the grant; {@code connector} names what did it. */
@Revision("1")
public record GrantProvisioned(GrantId grantId, String connector) implements GrantEvent {
}
