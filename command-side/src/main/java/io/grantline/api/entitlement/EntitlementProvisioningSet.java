package io.grantline.api.entitlement;

import org.axonframework.serialization.Revision;

/** The entitlement's grants are enforced through {@code provisioning}'s connector (and group) from now on. */
@Revision("1")
public record EntitlementProvisioningSet(EntitlementId entitlementId, Provisioning provisioning) implements EntitlementEvent {
}
