package io.grantline.api.grant;

/** Every fact about one privilege of one identity, from grant to deprovisioning. */
public sealed interface GrantEvent permits AccessGranted, GrantProvisioned, GrantProvisioningFailed, GrantExtended,
        GrantRevoked, GrantDeprovisioned, GrantCertified {

    GrantId grantId();
}
