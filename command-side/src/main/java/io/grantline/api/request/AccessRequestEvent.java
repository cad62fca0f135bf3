package io.grantline.api.request;

/** Every fact about one access request. */
public sealed interface AccessRequestEvent
        permits AccessRequested, ApprovalPolicyApplied, ApprovalStageOpened, ApprovalDecisionRecorded, ApprovalDecisionFlagged,
        ApprovalStageEscalated, ApprovalStageReassigned, AccessRequestApproved, AccessRequestRejected, AccessRequestCancelled, AccessRequestTimedOut {

    AccessRequestId requestId();
}
