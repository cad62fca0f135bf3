package io.grantline.command.identity;

import io.grantline.api.common.RuleViolation;

/** The broken rules of the identity catalog. */
public final class IdentityRuleViolation {

    private IdentityRuleViolation() {
    }

    public static final class IdentityAlreadyRegistered extends RuleViolation {
        IdentityAlreadyRegistered(String id) {
            super(Kind.CONFLICT, "id", "identity '" + id + "' is already registered");
        }
    }

    public static final class IdentityNotFound extends RuleViolation {
        public IdentityNotFound(String field, String id) {
            super(field == null ? Kind.NOT_FOUND : Kind.UNKNOWN_REFERENCE, field, "identity '" + id + "' does not exist");
        }
    }

    public static final class OwnerRequired extends RuleViolation {
        OwnerRequired() {
            super(Kind.INVALID, "ownerId", "a non-human identity needs an accountable human owner");
        }
    }

    public static final class OwnerNotAllowed extends RuleViolation {
        OwnerNotAllowed() {
            super(Kind.INVALID, "ownerId", "only non-human identities have an owner");
        }
    }

    /** A reference must point at an active person: owners and managers are accountable humans. */
    public static final class NotAnActiveHuman extends RuleViolation {
        public NotAnActiveHuman(String field, String id) {
            super(Kind.INVALID, field, "identity '" + id + "' is not an active human identity");
        }
    }

    public static final class SelfReference extends RuleViolation {
        SelfReference(String field) {
            super(Kind.INVALID, field, "an identity cannot be its own " + field.replace("Id", ""));
        }
    }

    public static final class RolesOnlyForHumans extends RuleViolation {
        RolesOnlyForHumans() {
            super(Kind.INVALID, "roles", "only human identities hold roles");
        }
    }

    public static final class InvalidIdentityField extends RuleViolation {
        InvalidIdentityField(String field, String message) {
            super(Kind.INVALID, field, message);
        }
    }

    public static final class IdentityNotActive extends RuleViolation {
        IdentityNotActive(String id, Object status) {
            super(Kind.CONFLICT, null, "identity '" + id + "' is " + status);
        }
    }
}
