package io.grantline.api.campaign;

/** What happens at the due date to a grant nobody decided: revoked (the default), or kept until the next campaign. */
public enum NoDecisionPolicy {
    REVOKE,
    KEEP
}
