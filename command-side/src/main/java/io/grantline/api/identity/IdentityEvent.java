package io.grantline.api.identity;

/** Every fact about one identity. */
public sealed interface IdentityEvent
        permits IdentityRegistered, ManagerAssigned, OwnerAssigned, RolesAssigned, IdentityMarkedCompromised,
        IdentitySuspended, IdentityReinstated, IdentityDeparted, SponsorAssigned, DirectoryEntryAssigned {

    IdentityId identityId();
}
