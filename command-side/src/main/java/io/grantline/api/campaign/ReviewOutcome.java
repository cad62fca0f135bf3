package io.grantline.api.campaign;

/** A reviewer's answer for one grant. */
public enum ReviewOutcome {
    CERTIFY,
    REVOKE
}
