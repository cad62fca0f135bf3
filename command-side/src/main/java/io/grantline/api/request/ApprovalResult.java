package io.grantline.api.request;

/** The answer to {@link ApproveAccessRequest}: the approval, or why the request was rejected instead. */
public record ApprovalResult(AccessRequestApproved approval, RejectionReason rejection) {

    public boolean approved() {
        return approval != null;
    }
}
