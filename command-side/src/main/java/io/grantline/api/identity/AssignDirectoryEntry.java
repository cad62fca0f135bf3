package io.grantline.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets the identity's entry in the plant's directory (what an LDAP group lists as a member). */
public record AssignDirectoryEntry(@TargetAggregateIdentifier IdentityId identityId, String directoryDn) {
}
