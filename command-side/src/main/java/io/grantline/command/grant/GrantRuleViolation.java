package io.grantline.command.grant;

import io.grantline.api.common.RuleViolation;
import java.time.Duration;

/** The broken rules of a grant. */
public final class GrantRuleViolation {

    private GrantRuleViolation() {
    }

    public static final class InvalidGrantField extends RuleViolation {
        InvalidGrantField(String field, String message) {
            super(Kind.INVALID, field, message);
        }
    }

    /** A compromised, departed or suspended identity holds no new grant. */
    public static final class IdentityNotActive extends RuleViolation {
        IdentityNotActive(String identityId, Object status) {
            super(Kind.CONFLICT, "identityId", "identity '" + identityId + "' is " + status);
        }
    }

    public static final class GrantTooLong extends RuleViolation {
        GrantTooLong(Duration maxDuration) {
            super(Kind.INVALID, "validUntil", "a grant never outlives its entitlement's maximum duration (" + maxDuration + ")");
        }
    }

    public static final class SeparationOfDutiesConflict extends RuleViolation {
        SeparationOfDutiesConflict(String identityId, String granted, String conflicting) {
            super(Kind.CONFLICT, "entitlementId", "'" + granted + "' conflicts with '" + conflicting + "', which '"
                    + identityId + "' already holds (separation of duties)");
        }
    }

    public static final class GrantNotEnded extends RuleViolation {
        GrantNotEnded(String grantId) {
            super(Kind.CONFLICT, null, "grant '" + grantId + "' has not ended; only an ended grant is deprovisioned");
        }
    }
}
