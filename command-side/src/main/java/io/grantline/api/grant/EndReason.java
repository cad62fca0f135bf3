package io.grantline.api.grant;

/** Why a grant ended. */
public enum EndReason {
    EXPIRED,
    REVOKED,
    REVIEW,
    COMPROMISED,
    DEPARTED,
    BREAK_GLASS_REJECTED
}
