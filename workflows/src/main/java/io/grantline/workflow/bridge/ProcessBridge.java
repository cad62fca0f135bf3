package io.grantline.workflow.bridge;

import io.grantline.api.common.RuleViolation;
import io.grantline.api.grant.AccessGranted;
import io.grantline.api.grant.EndReason;
import io.grantline.api.grant.GrantAccess;
import io.grantline.api.grant.GrantId;
import io.grantline.api.grant.GrantRevoked;
import io.grantline.api.grant.ListActiveGrantsOf;
import io.grantline.api.grant.RevokeGrant;
import io.grantline.api.identity.IdentityDeparted;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityMarkedCompromised;
import io.grantline.api.request.AccessRequestApproved;
import io.grantline.api.request.AccessRequestCancelled;
import io.grantline.api.request.AccessRequested;
import io.grantline.api.request.ApprovalDecisionRecorded;
import io.grantline.api.request.DecisionOutcome;
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

    public ProcessBridge(RuntimeService runtime, HistoryService history, TaskService tasks, CommandGateway commands,
                         QueryGateway queries, ApprovalSettings approval, GrantSettings grant) {
        this.runtime = runtime;
        this.history = history;
        this.tasks = tasks;
        this.commands = commands;
        this.queries = queries;
        this.approval = approval;
        this.grant = grant;
    }

    @EventHandler
    void on(AccessRequested event) {
        String requestId = event.requestId().value();
        if (started(ACCESS_REQUEST, requestId)) {
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("requestId", requestId);
        variables.put("riskTier", event.risk().name());
        variables.put("remindAfter", approval.remindAfter().toString());
        variables.put("escalateAfter", approval.escalateAfter().toString());
        variables.put("timeOutAfter", approval.timeOutAfter().toString());
        variables.put("rejected", false);
        runtime.createMessageCorrelation("AccessRequested").processInstanceBusinessKey(requestId).setVariables(variables)
                .correlateStartMessage();
    }

    /** A decision completes the stage's task; a decision whose task is gone (already completed) changes nothing. */
    @EventHandler
    void on(ApprovalDecisionRecorded event) {
        for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(event.requestId().value())
                .processDefinitionKey(ACCESS_REQUEST).taskDefinitionKey("decide").active().list()) {
            Object loopCounter = runtime.getVariable(task.getExecutionId(), "loopCounter");
            if (loopCounter instanceof Number index && index.intValue() == event.stageIndex()) {
                tasks.complete(task.getId(), Map.of("rejected", event.outcome() == DecisionOutcome.REJECT));
            }
        }
    }

    @EventHandler
    void on(AccessRequestCancelled event) {
        runtime.createMessageCorrelation("AccessRequestCancelled").processInstanceBusinessKey(event.requestId().value())
                .correlateAll();
    }

    /**
     * An approved request starts its grant. The grant's own rules may refuse it (the identity was marked compromised,
     * a conflicting grant appeared since the approval): that is an answer, logged for the operator, not a failure to
     * retry. Any other failure propagates, and the event is handled again.
     */
    @EventHandler
    void on(AccessRequestApproved event) {
        try {
            commands.sendAndWait(new GrantAccess(event.grantId(), event.requestId(), event.beneficiaryId(), event.entitlementId(),
                    event.validFrom(), event.validUntil()));
        } catch (RuleViolation refused) {
            log.warn("Request {} was approved, but its grant was refused: {}", event.requestId().value(), refused.getMessage());
        }
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
    }

    @EventHandler
    void on(IdentityDeparted event) {
        revokeEverything(event.identityId(), EndReason.DEPARTED, "identity departed: " + event.reason());
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
