package io.grantline.command.entitlement;

import io.grantline.api.common.RuleViolation;

/** The broken rules of the entitlement catalog. */
public final class EntitlementRuleViolation {

    private EntitlementRuleViolation() {
    }

    public static final class EntitlementAlreadyDefined extends RuleViolation {
        EntitlementAlreadyDefined(String id) {
            super(Kind.CONFLICT, "id", "entitlement '" + id + "' is already defined");
        }
    }

    public static final class EntitlementNotFound extends RuleViolation {
        public EntitlementNotFound(String field, String id) {
            super(field == null ? Kind.NOT_FOUND : Kind.UNKNOWN_REFERENCE, field, "entitlement '" + id + "' does not exist");
        }
    }

    public static final class InvalidEntitlementField extends RuleViolation {
        InvalidEntitlementField(String field, String message) {
            super(Kind.INVALID, field, message);
        }
    }

    public static final class EntitlementRetiredAlready extends RuleViolation {
        public EntitlementRetiredAlready(String id) {
            super(Kind.CONFLICT, null, "entitlement '" + id + "' is retired");
        }
    }
}
