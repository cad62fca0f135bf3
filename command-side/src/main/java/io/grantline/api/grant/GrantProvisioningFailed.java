package io.grantline.api.grant;

import org.axonframework.serialization.Revision;

/** Provisioning gave up after its retries; an operator sees the incident and may retry. */
@Revision("1")
public record GrantProvisioningFailed(GrantId grantId, String reason) implements GrantEvent {
}
