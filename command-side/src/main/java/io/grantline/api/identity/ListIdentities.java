package io.grantline.api.identity;

/** All identities, ordered by id; {@code kind} narrows the list when given. */
public record ListIdentities(IdentityKind kind) {
}
