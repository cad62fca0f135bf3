package io.grantline.infra.web.catalog;

import io.grantline.api.common.RuleViolation;
import io.grantline.api.entitlement.ConnectorKind;

/** An entitlement names a built-in connector whose target this installation has not configured: a 400 naming it. */
final class ConnectorNotConfigured extends RuleViolation {

    ConnectorNotConfigured(ConnectorKind kind) {
        super(Kind.INVALID, "provisioning.connector", "the " + kind.value() + " connector is not configured here ("
                + (kind == ConnectorKind.LDAP ? "grantline.connectors.ldap.url" : "grantline.connectors.webhook.url and .secret") + ")");
    }

    /** An LDAP group outside the configured search base: Grantline changes no group it was not meant to. */
    static final class GroupOutsideSearchBase extends RuleViolation {

        GroupOutsideSearchBase() {
            super(Kind.INVALID, "provisioning.group", "the group lies outside grantline.connectors.ldap.search-base");
        }
    }
}
