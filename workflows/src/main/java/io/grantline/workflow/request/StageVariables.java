package io.grantline.workflow.request;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.AccessRequestId;
import io.grantline.api.request.ApprovalStage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Reads and writes the access-request process's variables, as docs/processes.md names them. */
final class StageVariables {

    static final String REQUEST_ID = "requestId";
    static final String RISK_TIER = "riskTier";
    static final String REJECTED = "rejected";
    static final String APPROVER_IDS = "approverIds";
    static final String DECIDE_BY = "decideBy";

    private StageVariables() {
    }

    static AccessRequestId requestId(DelegateExecution execution) {
        return AccessRequestId.of((String) execution.getVariable(REQUEST_ID));
    }

    static int stageIndex(DelegateExecution execution) {
        return ((Number) execution.getVariable("loopCounter")).intValue();
    }

    static ApprovalStage stage(DelegateExecution execution) {
        return ApprovalStage.valueOf((String) execution.getVariable("stage"));
    }

    static boolean reauthenticationRequired(DelegateExecution execution) {
        return Boolean.TRUE.equals(limits(execution).get("reauthentication"));
    }

    /** The policy's cap on the grant, or null when the entitlement's maximum is the only limit. */
    static Duration longestGrant(DelegateExecution execution) {
        Object value = limits(execution).get("longestGrant");
        return value == null || value.toString().isBlank() ? null : Duration.parse(value.toString());
    }

    static Instant decideBy(DelegateExecution execution) {
        return Instant.parse((String) execution.getVariable(DECIDE_BY));
    }

    @SuppressWarnings("unchecked")
    static List<IdentityId> approverIds(DelegateExecution execution) {
        return ((List<String>) execution.getVariable(APPROVER_IDS)).stream().map(IdentityId::of).toList();
    }

    static void setApprovers(DelegateExecution execution, Set<IdentityId> approvers) {
        execution.setVariableLocal(APPROVER_IDS, approvers.stream().map(IdentityId::value).toList());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> limits(DelegateExecution execution) {
        Object limits = execution.getVariable("limits");
        return limits instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
