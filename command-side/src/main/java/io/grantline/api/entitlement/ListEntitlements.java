package io.grantline.api.entitlement;

/** The whole catalog, ordered by id. */
public record ListEntitlements() {
}
