package io.grantline.workflow.grant;

import io.grantline.api.entitlement.ConnectorKind;
import io.grantline.api.grant.GrantSummary;
import io.grantline.api.grant.ProvisioningTarget;

/**
 * A built-in connector an entitlement may name ({@code provisioning.connector}). Like a site's own
 * {@link ProvisioningConnector}, it throws when the target refuses or cannot be reached (the step is retried, then an
 * incident), and tolerates being called again for the same grant (provisioning again, with a later {@code validUntil},
 * when an extension moved the grant's end).
 */
interface TargetConnector {

    ConnectorKind kind();

    /** Whether its target is configured; an entitlement cannot name a connector that is not. */
    boolean available();

    void provision(GrantSummary grant, ProvisioningTarget target);

    void deprovision(GrantSummary grant, ProvisioningTarget target);
}
