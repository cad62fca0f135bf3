package io.grantline.api.request;

import java.time.Duration;
import java.time.Instant;

/**
 * How an approver proved who they were when they decided.
 *
 * @param method     the proof
 * @param signedInAt when the approver last entered a credential: the decision itself for {@code PASSWORD_ON_POST},
 *                   the session's sign-in for {@code SESSION}, the identity provider's {@code auth_time} for
 *                   {@code OIDC}; null where unknown
 */
public record DecisionAuthentication(Method method, Instant signedInAt) {

    public enum Method {
        /** Only the emailed link, a capability bound to the approver: no credential was entered. */
        LINK_ONLY,
        /** The approver's password came with the decision itself (a form field or HTTP Basic). */
        PASSWORD_ON_POST,
        /** A browser session, signed in at {@code signedInAt}, with the page's CSRF token. */
        SESSION,
        /** An OIDC bearer token whose {@code auth_time} is {@code signedInAt}. */
        OIDC,
        /** A Grantline API token: proves which integration called, never a fresh sign-in. */
        API_TOKEN,
        /** Recorded before Grantline recorded how approvers authenticated (event revision 1). */
        NOT_RECORDED
    }

    public static DecisionAuthentication linkOnly() {
        return new DecisionAuthentication(Method.LINK_ONLY, null);
    }

    public static DecisionAuthentication passwordAt(Instant at) {
        return new DecisionAuthentication(Method.PASSWORD_ON_POST, at);
    }

    /** Whether the person entered a credential of their own (not only a link, not an integration's API token). */
    public boolean credentialEntered() {
        return switch (method) {
            case PASSWORD_ON_POST, SESSION, OIDC -> true;
            case LINK_ONLY, API_TOKEN, NOT_RECORDED -> false;
        };
    }

    /**
     * Whether this counts as re-authentication at {@code now}: a credential entered at most {@code maxAge} before,
     * never a link or an API token alone.
     */
    public boolean freshAt(Instant now, Duration maxAge) {
        if (signedInAt == null || signedInAt.isAfter(now.plusSeconds(5))) {
            return false;
        }
        return switch (method) {
            case PASSWORD_ON_POST, SESSION, OIDC -> !signedInAt.isBefore(now.minus(maxAge));
            case LINK_ONLY, API_TOKEN, NOT_RECORDED -> false;
        };
    }
}
