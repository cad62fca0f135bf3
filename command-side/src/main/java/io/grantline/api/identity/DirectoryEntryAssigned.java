package io.grantline.api.identity;

import org.axonframework.serialization.Revision;

/** The identity's entry in the plant's directory ({@code directoryDn}): what an LDAP group lists as a member. */
@Revision("1")
public record DirectoryEntryAssigned(IdentityId identityId, String directoryDn) implements IdentityEvent {
}
