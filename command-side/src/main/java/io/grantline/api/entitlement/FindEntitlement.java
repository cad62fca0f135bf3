package io.grantline.api.entitlement;

public record FindEntitlement(EntitlementId entitlementId) {
}
