package io.grantline.workflow.request;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.AccessRequestId;
import io.grantline.api.request.ApprovalStage;
import io.grantline.api.request.RejectionReason;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads and writes the access-request process's variables, as docs/processes.md names them. They are identifiers and
 * routing data only: the request's policy and decisions live in the AccessRequest aggregate.
 */
public final class StageVariables {

    static final String REQUEST_ID = "requestId";
    public static final String STAGE_COUNT = "stageCount";
    static final String STAGE = "stage";
    static final String REJECTED = "rejected";
    static final String REJECTION_REASON = "rejectionReason";
    static final String APPROVER_IDS = "approverIds";
    static final String DECIDE_BY = "decideBy";
    static final String LOOP_COUNTER = "loopCounter";

    private StageVariables() {
    }

    static AccessRequestId requestId(DelegateExecution execution) {
        return AccessRequestId.of((String) execution.getVariable(REQUEST_ID));
    }

    static int stageIndex(VariableScope execution) {
        return ((Number) execution.getVariable(LOOP_COUNTER)).intValue();
    }

    static ApprovalStage stage(VariableScope execution) {
        return ApprovalStage.valueOf((String) execution.getVariable(STAGE));
    }

    static Instant decideBy(VariableScope execution) {
        return Instant.parse((String) execution.getVariable(DECIDE_BY));
    }

    /**
     * The stage's approvers: a comma-separated string (identity ids hold no comma), which the {@code decide} task takes
     * as its candidate users as it is; a process started before that keeps a list of strings.
     */
    static List<IdentityId> approverIds(VariableScope execution) {
        return approverIds(execution.getVariable(APPROVER_IDS));
    }

    static List<IdentityId> approverIds(Object variable) {
        if (variable instanceof Collection<?> list) {
            return list.stream().map(Object::toString).map(IdentityId::of).toList();
        }
        String joined = (String) variable;
        return joined.isEmpty() ? List.of() : Arrays.stream(joined.split(",")).map(IdentityId::of).toList();
    }

    /** The value {@link #approverIds} reads: ids in a string rather than a serialized list (two rows fewer per stage). */
    static String approverIdsValue(Collection<IdentityId> approvers) {
        return approvers.stream().map(IdentityId::value).collect(Collectors.joining(","));
    }

    static void setApprovers(DelegateExecution execution, Set<IdentityId> approvers) {
        execution.setVariableLocal(APPROVER_IDS, approverIdsValue(approvers));
    }

    /** Ends the approval loop as rejected, remembering why for the requester's mail. */
    static void reject(DelegateExecution execution, RejectionReason reason) {
        execution.setVariable(REJECTED, true);
        execution.setVariable(REJECTION_REASON, reason.name());
    }

    static RejectionReason rejectionReason(DelegateExecution execution) {
        Object reason = execution.getVariable(REJECTION_REASON);
        return reason == null ? null : RejectionReason.valueOf(reason.toString());
    }

    /** The variables with which the bridge tells a process of a rejection it did not decide itself. */
    public static Map<String, Object> rejectedFor(RejectionReason reason) {
        return Map.of(REJECTED, true, REJECTION_REASON, reason.name());
    }

    /** The variables with which the bridge completes a stage's task when its decision arrives. */
    public static Map<String, Object> decided(boolean rejected) {
        return rejected ? Map.of(REJECTED, true, REJECTION_REASON, RejectionReason.APPROVER_REJECTED.name())
                : Map.of(REJECTED, false);
    }
}
