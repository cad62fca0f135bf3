package io.grantline.api.request;

/** Every fact about one access request. */
public sealed interface AccessRequestEvent
        permits AccessRequested, ApprovalStageOpened, ApprovalDecisionRecorded, ApprovalStageEscalated,
        AccessRequestApproved, AccessRequestRejected, AccessRequestCancelled, AccessRequestTimedOut {

    AccessRequestId requestId();
}
