package io.grantline.api.entitlement;

import org.axonframework.serialization.Revision;

@Revision("1")
public record EntitlementRetired(EntitlementId entitlementId, String reason) implements EntitlementEvent {
}
