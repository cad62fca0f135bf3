package io.grantline.api.compliance;

import io.grantline.api.identity.IdentityId;

/** The request and grant streams that concern one identity: what a compliance officer's history of it must read. */
public record FindIdentityStreams(IdentityId identityId) {
}
