package io.grantline.api.entitlement;

/**
 * How an entitlement's grants are enforced: by which connector, and for {@code ldap} the group (its DN) whose members
 * are the grant holders. {@code group} is optional for the other connectors (a webhook receives it as it is).
 */
public record Provisioning(ConnectorKind connector, String group) {
}
