package io.grantline.api.request;

import io.grantline.api.entitlement.EntitlementId;

/**
 * An explicit separation-of-duties exception asked for with a request: the beneficiary holds {@code conflictsWith},
 * which conflicts with the entitlement requested, and {@code reason} says why both must be held at once. OT security
 * decides it as a stage of its own, with a fresh sign-in, whatever the request's tier.
 */
public record SodException(EntitlementId conflictsWith, String reason) {
}
