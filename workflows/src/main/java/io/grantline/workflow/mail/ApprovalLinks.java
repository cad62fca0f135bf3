package io.grantline.workflow.mail;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.AccessRequestId;
import java.net.URI;
import java.time.Instant;

/** Makes the capability link an approver answers from: bound to one stage and one approver, expiring. */
public interface ApprovalLinks {

    URI linkFor(AccessRequestId requestId, int stageIndex, IdentityId approverId, Instant expiresAt);
}
