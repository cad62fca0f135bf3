package io.grantline.api.identity;

public record FindIdentity(IdentityId identityId) {
}
