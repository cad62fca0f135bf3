package io.grantline.api.request;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.identity.IdentityId;
import java.time.Instant;

/** One open stage an approver may decide; {@code taskId} is {@code <requestId>.<stageIndex>}. */
public record ApprovalInboxItem(String taskId, AccessRequestId requestId, int stageIndex, ApprovalStage stage,
                                EntitlementId entitlementId, IdentityId beneficiaryId, Instant dueAt) {

    public static String taskId(AccessRequestId requestId, int stageIndex) {
        return requestId.value() + "." + stageIndex;
    }
}
