package io.grantline.api.grant;

public enum GrantStatus {
    PENDING_PROVISIONING,
    ACTIVE,
    ENDED
}
