package io.grantline.command.request;

import io.grantline.api.request.AccessRequestStatus;
import io.grantline.api.common.RuleViolation;

/** The broken rules of an access request. */
public final class AccessRequestRuleViolation {

    private AccessRequestRuleViolation() {
    }

    public static final class InvalidRequestField extends RuleViolation {
        InvalidRequestField(String field, String message) {
            super(Kind.INVALID, field, message);
        }
    }

    /** Someone else's access may only be asked for a non-human identity the requester is accountable for. */
    public static final class BeneficiaryNotAllowed extends RuleViolation {
        BeneficiaryNotAllowed(String beneficiaryId) {
            super(Kind.FORBIDDEN, "beneficiaryId", "'" + beneficiaryId
                    + "' is not you or an active non-human identity you own; access is requested for those only");
        }
    }

    public static final class AlreadyHeld extends RuleViolation {
        AlreadyHeld(String beneficiaryId, String entitlementId) {
            super(Kind.CONFLICT, "entitlementId", "'" + beneficiaryId + "' already holds '" + entitlementId + "'");
        }
    }

    public static final class SeparationOfDutiesConflict extends RuleViolation {
        SeparationOfDutiesConflict(String beneficiaryId, String requested, String conflicting) {
            super(Kind.CONFLICT, "entitlementId", "'" + requested + "' conflicts with '" + conflicting + "', which '"
                    + beneficiaryId + "' already holds (separation of duties); an exception is asked for with"
                    + " sodExceptionReason, and decided by OT security");
        }
    }

    /** A late command: the request was already approved, rejected, cancelled or timed out. */
    public static final class RequestNotPending extends RuleViolation {
        RequestNotPending(String requestId, AccessRequestStatus status) {
            super(Kind.CONFLICT, null, "request '" + requestId + "' is no longer pending: it is " + status);
        }
    }

    public static final class StageOutOfOrder extends RuleViolation {
        StageOutOfOrder(int stageIndex, String why) {
            super(Kind.CONFLICT, "stageIndex", "stage " + stageIndex + " cannot open: " + why);
        }
    }

    public static final class StageNotFound extends RuleViolation {
        StageNotFound(String requestId, int stageIndex) {
            super(Kind.NOT_FOUND, null, "request '" + requestId + "' has no open stage " + stageIndex);
        }
    }

    /** A second click: the stage's decision stands, and is not recorded again. */
    public static final class DecisionAlreadyRecorded extends RuleViolation {
        DecisionAlreadyRecorded(int stageIndex) {
            super(Kind.CONFLICT, null, "stage " + stageIndex + " is already decided");
        }
    }

    public static final class SelfApprovalForbidden extends RuleViolation {
        SelfApprovalForbidden() {
            super(Kind.FORBIDDEN, null, "nobody decides a request they filed or that benefits them");
        }
    }

    public static final class NotAnApprover extends RuleViolation {
        NotAnApprover(String approverId, int stageIndex) {
            super(Kind.FORBIDDEN, null, "'" + approverId + "' is not an approver of stage " + stageIndex);
        }
    }

    public static final class FreshSignInRequired extends RuleViolation {
        FreshSignInRequired(java.time.Duration maxAge) {
            super(Kind.FORBIDDEN, "emergency", "break-glass is given only to someone who signed in within the last "
                    + maxAge.toMinutes() + " minutes or gives their password with the request; an API token is not enough");
        }
    }

    public static final class ReauthenticationRequired extends RuleViolation {
        ReauthenticationRequired() {
            super(Kind.FORBIDDEN, null, "this stage counts a decision only from an approver who signed in again recently"
                    + " or gave their password with the decision");
        }
    }

    /** Four eyes: one person decides at most one stage of a request. */
    public static final class SecondStageForSameApprover extends RuleViolation {
        SecondStageForSameApprover(String approverId, int decidedStageIndex) {
            super(Kind.FORBIDDEN, null, "'" + approverId + "' already decided stage " + decidedStageIndex
                    + " of this request; another person must decide this one (four eyes)");
        }
    }

    /** A compromised, departed or suspended approver decides nothing; their stages move to their manager. */
    public static final class ApproverNotActive extends RuleViolation {
        ApproverNotActive(String approverId) {
            super(Kind.FORBIDDEN, null, "'" + approverId + "' is no longer active and can no longer decide;"
                    + " their open stages move to their manager");
        }
    }

    /** A stage beyond the request's applied policy: nothing outside the aggregate adds a stage. */
    public static final class StageNotInPolicy extends RuleViolation {
        StageNotInPolicy(int stageIndex, int stages) {
            super(Kind.CONFLICT, "stageIndex", "the request's approval policy has " + stages + " stage(s); there is no stage "
                    + stageIndex);
        }
    }

    public static final class ApprovalIncomplete extends RuleViolation {
        ApprovalIncomplete(String requestId) {
            super(Kind.CONFLICT, null, "request '" + requestId + "' is not approved at every stage");
        }
    }

    public static final class NotYourRequest extends RuleViolation {
        NotYourRequest() {
            super(Kind.FORBIDDEN, null, "only the requester or an administrator may cancel a request");
        }
    }
}
