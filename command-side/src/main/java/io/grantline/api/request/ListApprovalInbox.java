package io.grantline.api.request;

import io.grantline.api.identity.IdentityId;

/** The open stages {@code approverId} may decide. */
public record ListApprovalInbox(IdentityId approverId) {
}
