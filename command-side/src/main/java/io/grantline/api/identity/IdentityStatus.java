package io.grantline.api.identity;

public enum IdentityStatus {
    ACTIVE,
    SUSPENDED,
    COMPROMISED,
    DEPARTED
}
