package io.grantline.api.identity;

/** Roles a human identity may hold. Approvers and reviewers are assigned by the processes, never by role alone. */
public enum Role {
    ADMINISTRATOR,
    COMPLIANCE_OFFICER,
    SECURITY_OPERATOR,
    OT_SECURITY
}
