package io.grantline.api.request;

/** Why a recorded decision deserves a second look. */
public enum DecisionFlag {
    /** Approved sooner after the approver was asked than {@code grantline.flags.fast-approval-within}. */
    FAST_APPROVAL,
    /** A review rejected break-glass access that had been given: its grant is revoked (if it had not ended already). */
    BREAK_GLASS_REJECTED
}
