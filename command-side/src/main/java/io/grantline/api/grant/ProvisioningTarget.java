package io.grantline.api.grant;

import io.grantline.api.entitlement.ConnectorKind;

/**
 * Where a grant is enforced, as the event store has it now: the entitlement's connector and group ({@code connector}
 * null: none declared, the site's own connector enforces it) and the holder's directory entry, if it has one.
 */
public record ProvisioningTarget(ConnectorKind connector, String group, String directoryDn) {

    public static final ProvisioningTarget NONE = new ProvisioningTarget(null, null, null);
}
