package io.grantline.api.entitlement;

/**
 * The entitlement's owner as the event store says it now (not a read model): answered with an optional
 * {@link io.grantline.api.identity.IdentityId}, empty for an entitlement never defined.
 */
public record FindEntitlementOwnerNow(EntitlementId entitlementId) {
}
