package io.grantline.api.request;

import io.grantline.api.identity.IdentityId;

/** Requests, newest first; each filter narrows when given. */
public record ListAccessRequests(IdentityId requesterId, AccessRequestStatus status) {
}
