package io.grantline.api.request;

public enum AccessRequestStatus {
    PENDING,
    APPROVED,
    REJECTED,
    CANCELLED,
    TIMED_OUT
}
