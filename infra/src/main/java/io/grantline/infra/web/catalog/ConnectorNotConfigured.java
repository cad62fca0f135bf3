package io.grantline.infra.web.catalog;

import io.grantline.api.common.RuleViolation;
import io.grantline.api.entitlement.ConnectorKind;

/** An entitlement names a built-in connector whose target this installation has not configured: a 400 naming it. */
final class ConnectorNotConfigured extends RuleViolation {

    ConnectorNotConfigured(ConnectorKind kind) {
        super(Kind.INVALID, "provisioning.connector", "the " + kind.value() + " connector is not configured here ("
                + (kind == ConnectorKind.LDAP ? "grantline.connectors.ldap.url" : "grantline.connectors.webhook.url and .secret") + ")");
    }
}
