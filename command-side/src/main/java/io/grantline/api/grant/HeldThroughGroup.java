package io.grantline.api.grant;

import io.grantline.api.identity.IdentityId;

/**
 * Whether {@code identityId} holds an active grant other than {@code except} whose entitlement names the LDAP group
 * {@code group} (compared as a distinguished name): then ending {@code except} keeps the membership. Answered with a
 * Boolean, as the event store has it now.
 */
public record HeldThroughGroup(IdentityId identityId, String group, GrantId except) {
}
