package io.grantline.api.entitlement;

/** Every fact about one catalog entry. */
public sealed interface EntitlementEvent
        permits EntitlementDefined, EntitlementOwnerChanged, EntitlementPolicyChanged, EntitlementRetired, EntitlementProvisioningSet {

    EntitlementId entitlementId();
}
