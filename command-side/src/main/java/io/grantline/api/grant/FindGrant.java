package io.grantline.api.grant;

public record FindGrant(GrantId grantId) {
}
