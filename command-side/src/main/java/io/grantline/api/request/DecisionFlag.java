package io.grantline.api.request;

/** Why a recorded decision deserves a second look. */
public enum DecisionFlag {
    /** Approved sooner after the approver was asked than {@code grantline.flags.fast-approval-within}. */
    FAST_APPROVAL
}
