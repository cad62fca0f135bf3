package io.grantline.infra.links;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.AccessRequestId;
import java.time.Instant;

/** What a valid approval link grants: one approver's answer to one stage of one request, until it expires. */
public record ApprovalLink(AccessRequestId requestId, int stageIndex, IdentityId approverId, Instant expiresAt) {
}
