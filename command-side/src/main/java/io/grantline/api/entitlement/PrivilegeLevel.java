package io.grantline.api.entitlement;

public enum PrivilegeLevel {
    READ,
    OPERATE,
    ENGINEER,
    ADMIN
}
