package io.grantline.workflow.bridge;

import io.grantline.api.grant.AccessGranted;
import io.grantline.api.grant.EndReason;
import io.grantline.api.grant.GrantId;
import io.grantline.api.grant.GrantRevoked;
import io.grantline.api.grant.ListActiveGrantsOf;
import io.grantline.api.grant.RevokeGrant;
import io.grantline.api.identity.IdentityDeparted;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityMarkedCompromised;
import io.grantline.api.identity.IdentitySuspended;
import io.grantline.api.request.AccessRequestCancelled;
import io.grantline.api.request.AccessRequestId;
import io.grantline.api.request.ApprovalDecisionRecorded;
import io.grantline.api.request.ApprovalPolicyApplied;
import io.grantline.api.request.ApprovalStageReassigned;
import io.grantline.api.request.DecisionOutcome;
import io.grantline.api.request.ReassignApprovalStage;
import io.grantline.workflow.request.ApprovalMails;
import io.grantline.workflow.request.StageAssignment;
import io.grantline.workflow.request.StageVariables;
import io.grantline.workflow.settings.ApprovalSettings;
import io.grantline.workflow.settings.GrantSettings;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Domain events start and move the processes. This is a tracking processor whose token lives in the same database as
 * the engine, in the same transaction as the engine's work: an event is acted on exactly once, or, after a failure,
 * again from scratch. Every reaction also checks the engine's state, so handling an event twice starts nothing twice.
 */
@Component
@ProcessingGroup(ProcessBridge.PROCESSING_GROUP)
public class ProcessBridge {

    public static final String PROCESSING_GROUP = "process-bridge";
    static final String ACCESS_REQUEST = "access-request";
    static final String GRANT_LIFECYCLE = "grant-lifecycle";

    private static final Logger log = LoggerFactory.getLogger(ProcessBridge.class);

    private final RuntimeService runtime;
    private final HistoryService history;
    private final TaskService tasks;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ApprovalSettings approval;
    private final GrantSettings grant;
    private final StageAssignment stages;

    public ProcessBridge(RuntimeService runtime, HistoryService history, TaskService tasks, CommandGateway commands,
                         QueryGateway queries, ApprovalSettings approval, GrantSettings grant, StageAssignment stages) {
        this.runtime = runtime;
        this.history = history;
        this.tasks = tasks;
        this.commands = commands;
        this.queries = queries;
        this.approval = approval;
        this.grant = grant;
        this.stages = stages;
    }

    /**
     * A filed request's policy starts its process. The stage names are routing data for the process's loop; the
     * aggregate holds the policy and refuses any stage the process might add, drop or weaken.
     */
    @EventHandler
    void on(ApprovalPolicyApplied event) {
        String requestId = event.requestId().value();
        if (event.policy().stages().isEmpty() || started(ACCESS_REQUEST, requestId)) {
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("requestId", requestId);
        variables.put("stages", event.policy().stages().stream().map(Enum::name).toList());
        variables.put("remindAfter", approval.remindAfter().toString());
        variables.put("escalateAfter", approval.escalateAfter().toString());
        variables.put("timeOutAfter", approval.timeOutAfter().toString());
        variables.put("rejected", false);
        runtime.createMessageCorrelation("ApprovalPolicyApplied").processInstanceBusinessKey(requestId).setVariables(variables)
                .correlateStartMessage();
    }

    /** A decision completes the stage's task; a decision whose task is gone (already completed) changes nothing. */
    @EventHandler
    void on(ApprovalDecisionRecorded event) {
        for (Task task : stages.openTasks(event.requestId(), event.stageIndex())) {
            tasks.complete(task.getId(), StageVariables.decided(event.outcome() == DecisionOutcome.REJECT));
        }
    }

    /** The stage's task follows the aggregate's new approvers, who get mail with links of their own. */
    @EventHandler
    void on(ApprovalStageReassigned event) {
        for (Task task : stages.openTasks(event.requestId(), event.stageIndex())) {
            stages.moveTo(task, event.requestId(), event.approverIds(), ApprovalMails.Occasion.REASSIGNED);
        }
    }

    @EventHandler
    void on(AccessRequestCancelled event) {
        runtime.createMessageCorrelation("AccessRequestCancelled").processInstanceBusinessKey(event.requestId().value())
                .correlateAll();
    }

    @EventHandler
    void on(AccessGranted event) {
        String grantId = event.grantId().value();
        if (started(GRANT_LIFECYCLE, grantId)) {
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("grantId", grantId);
        variables.put("validUntil", event.validUntil().toString());
        variables.put("expiryNoticeAt", expiryNoticeAt(event.validFrom(), event.validUntil()).toString());
        runtime.createMessageCorrelation("AccessGranted").processInstanceBusinessKey(grantId).setVariables(variables)
                .correlateStartMessage();
    }

    /** The notice goes out {@code expiry-notice} before the end, or half-way through a grant shorter than twice that. */
    Instant expiryNoticeAt(Instant validFrom, Instant validUntil) {
        java.time.Duration half = java.time.Duration.between(validFrom, validUntil).dividedBy(2);
        java.time.Duration ahead = grant.expiryNotice().compareTo(half) < 0 ? grant.expiryNotice() : half;
        return validUntil.minus(ahead);
    }

    /** A revocation ends a waiting grant at once; a grant that is not waiting (ending already) ignores it. */
    @EventHandler
    void on(GrantRevoked event) {
        runtime.createMessageCorrelation("GrantRevoked").processInstanceBusinessKey(event.grantId().value()).correlateAll();
    }

    @EventHandler
    void on(IdentityMarkedCompromised event) {
        revokeEverything(event.identityId(), EndReason.COMPROMISED, "identity marked compromised: " + event.reason());
        moveOpenStagesOf(event.identityId());
    }

    @EventHandler
    void on(IdentityDeparted event) {
        revokeEverything(event.identityId(), EndReason.DEPARTED, "identity departed: " + event.reason());
        moveOpenStagesOf(event.identityId());
    }

    @EventHandler
    void on(IdentitySuspended event) {
        moveOpenStagesOf(event.identityId());
    }

    /** An approver who is no longer active decides nothing: each of their open stages moves on at once. */
    private void moveOpenStagesOf(IdentityId approverId) {
        for (Task task : stages.openTasksOf(approverId)) {
            AccessRequestId requestId = AccessRequestId.of((String) tasks.getVariable(task.getId(), "requestId"));
            commands.sendAndWait(new ReassignApprovalStage(requestId, stages.stageIndex(task), approverId));
        }
    }

    private void revokeEverything(IdentityId identityId, EndReason reason, String comment) {
        List<GrantId> active = queries.query(new ListActiveGrantsOf(identityId), ResponseTypes.multipleInstancesOf(GrantId.class)).join();
        for (GrantId held : active) {
            commands.sendAndWait(new RevokeGrant(held, reason, comment));
        }
        log.info("Revoked {} grant(s) of identity {} ({})", active.size(), identityId.value(), reason);
    }

    private boolean started(String process, String businessKey) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(process).processInstanceBusinessKey(businessKey).count() > 0
                || history.createHistoricProcessInstanceQuery().processDefinitionKey(process).processInstanceBusinessKey(businessKey)
                .count() > 0;
    }
}
