package io.grantline.api.request;

public enum RejectionReason {
    /** An approver said no. */
    APPROVER_REJECTED,
    /** The beneficiary holds an entitlement that conflicts with the requested one. */
    SEPARATION_OF_DUTIES,
    /** Nobody but the requester or the beneficiary could answer a stage, and they have no manager. */
    NO_APPROVER
}
