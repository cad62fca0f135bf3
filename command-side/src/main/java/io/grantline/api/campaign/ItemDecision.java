package io.grantline.api.campaign;

/** How an item ended: a reviewer's decision, or the campaign's policy for what nobody decided. */
public enum ItemDecision {
    CERTIFIED,
    REVOKED,
    REVOKED_NO_DECISION,
    KEPT_NO_DECISION
}
