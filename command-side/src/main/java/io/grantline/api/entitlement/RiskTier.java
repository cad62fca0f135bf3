package io.grantline.api.entitlement;

/** Drives the approval policy: the higher the tier, the more stages and the shorter the grant. */
public enum RiskTier {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
