package io.grantline.workflow.grant;

import io.grantline.api.grant.GrantSummary;

/**
 * Makes a target system (a PLC's user table, a SCADA role, a jump host, a secrets vault) enforce a grant, and stop
 * enforcing it. A site plugs in its own connector as a Spring bean; the default one only records the grant.
 * A connector throws when the target system refuses or cannot be reached: the step is retried, then becomes an
 * incident an operator can retry from Cockpit. Both methods must tolerate being called again for the same grant, and
 * {@code provision} is called again, with a later {@code validUntil}, when an approved extension moved the grant's end:
 * a target that enforces the end applies the new one.
 */
public interface ProvisioningConnector {

    /** A short name recorded with the grant's provisioning events. */
    String name();

    void provision(GrantSummary grant);

    void deprovision(GrantSummary grant);
}
