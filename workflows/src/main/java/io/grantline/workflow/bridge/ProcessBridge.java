package io.grantline.workflow.bridge;

import io.grantline.api.grant.AccessGranted;
import io.grantline.api.grant.GrantExtended;
import io.grantline.api.grant.GrantRevoked;
import io.grantline.api.identity.SponsorAssigned;
import io.grantline.api.request.AccessRequestCancelled;
import io.grantline.api.request.AccessRequestRejected;
import io.grantline.api.request.ApprovalDecisionRecorded;
import io.grantline.api.request.ApprovalPolicyApplied;
import io.grantline.api.request.ApprovalStageReassigned;
import io.grantline.api.request.DecisionOutcome;
import io.grantline.workflow.actor.CausingActor;
import io.grantline.workflow.request.ApprovalMails;
import io.grantline.workflow.request.StageAssignment;
import io.grantline.workflow.request.StageVariables;
import io.grantline.workflow.settings.GrantSettings;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Domain events start and move the processes, and that is all this does: it starts a process or correlates a
 * message, and the steps that call the domain run afterwards as jobs of their own (async continuations: retried, an
 * incident in Cockpit when they keep failing, never holding up another request). This is a tracking processor whose
 * token lives in the same database as the engine, in the same transaction as the engine's work: an event is acted on
 * exactly once, or, after a failure, again from scratch. Every reaction also checks the engine's state, so handling an
 * event twice starts nothing twice. Each process keeps who caused its latest move ({@link CausingActor}). The kill
 * switch has a processor of its own ({@link LockoutBridge}), so a compromise never waits behind this one's backlog.
 */
@Component
@ProcessingGroup(ProcessBridge.PROCESSING_GROUP)
public class ProcessBridge {

    public static final String PROCESSING_GROUP = "process-bridge";
    static final String ACCESS_REQUEST = "access-request";
    static final String BREAK_GLASS = "break-glass";
    static final String GRANT_LIFECYCLE = "grant-lifecycle";
    static final String EXTERNAL_ACCESS = "external-access";
    private static final String ACTOR = CausingActor.METADATA_KEY;
    private static final Logger log = LoggerFactory.getLogger(ProcessBridge.class);

    private final RuntimeService runtime;
    private final StartedProcesses processes;
    private final TaskService tasks;
    private final GrantSettings grant;
    private final StageAssignment stages;

    public ProcessBridge(RuntimeService runtime, StartedProcesses processes, TaskService tasks, GrantSettings grant,
                         StageAssignment stages) {
        this.runtime = runtime;
        this.processes = processes;
        this.tasks = tasks;
        this.grant = grant;
        this.stages = stages;
    }

    /**
     * A filed request's policy starts its process: the access request's, or for an emergency the break-glass process
     * (granted at once, reviewed afterwards). The stage names are routing data for the process's loop; the aggregate
     * holds the policy and refuses any stage the process might add, drop or weaken.
     */
    @EventHandler
    void on(ApprovalPolicyApplied event, @MetaDataValue(ACTOR) String actor) {
        String requestId = event.requestId().value();
        String process = event.policy().breakGlass() ? BREAK_GLASS : ACCESS_REQUEST;
        if (event.policy().stages().isEmpty() || processes.started(process, requestId)) {
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("requestId", requestId);
        // how many stages, an integer: the aggregate names each stage as it opens it (a list variable was a serialized
        // object, two more rows in the engine's tables per request)
        variables.put(StageVariables.STAGE_COUNT, event.policy().stages().size());
        variables.put("rejected", false);
        causedBy(variables, actor);
        // by key: the model's only start event is the message start event "requested", and a start by key skips the
        // message correlation's look-up of its subscription (a tenth of the bridge's work per request)
        runtime.startProcessInstanceByKey(process, requestId, variables);
    }

    /** A decision completes the stage's task; a decision whose task is gone (already completed) changes nothing. */
    @EventHandler
    void on(ApprovalDecisionRecorded event, @MetaDataValue(ACTOR) String actor) {
        for (String taskId : stages.openTaskIds(event.requestId(), event.stageIndex())) {
            Map<String, Object> variables = new HashMap<>(StageVariables.decided(event.outcome() == DecisionOutcome.REJECT));
            causedBy(variables, actor);
            tasks.complete(taskId, variables);
        }
    }

    /** The stage's task follows the aggregate's new approvers, who get mail with links of their own. */
    @EventHandler
    void on(ApprovalStageReassigned event) {
        for (String taskId : stages.openTaskIds(event.requestId(), event.stageIndex())) {
            stages.moveTo(taskId, event.requestId(), event.approverIds(), ApprovalMails.Occasion.REASSIGNED);
        }
    }

    /**
     * A break-glass process learns of a rejection it did not decide itself (a review whose reviewers all left, a refusal
     * at filing): it revokes the grant, if any, and tells the requester. An access request's process has no such
     * subscription, and nothing happens.
     */
    @EventHandler
    void on(AccessRequestRejected event, @MetaDataValue(ACTOR) String actor) {
        Map<String, Object> variables = new HashMap<>(StageVariables.rejectedFor(event.reason()));
        causedBy(variables, actor);
        runtime.createMessageCorrelation("AccessRequestRejected").processInstanceBusinessKey(event.requestId().value())
                .setVariables(variables).correlateAll();
    }

    @EventHandler
    void on(AccessRequestCancelled event) {
        runtime.createMessageCorrelation("AccessRequestCancelled").processInstanceBusinessKey(event.requestId().value())
                .correlateAll();
    }

    @EventHandler
    void on(AccessGranted event, @MetaDataValue(ACTOR) String actor) {
        String grantId = event.grantId().value();
        if (processes.started(GRANT_LIFECYCLE, grantId)) {
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("grantId", grantId);
        variables.put("validUntil", event.validUntil().toString());
        variables.put("expiryNoticeAt", grant.expiryNoticeAt(event.validFrom(), event.validUntil()).toString());
        causedBy(variables, actor);
        // by key at its only start event, the message start event "granted", as the access request's process
        runtime.startProcessInstanceByKey(GRANT_LIFECYCLE, grantId, variables);
    }

    /**
     * An external person's sponsorship (at registration, or changed) starts its own process, which tells the sponsor
     * before the end and ends it; an earlier one's process finds its end moved and does nothing.
     */
    @EventHandler
    void on(SponsorAssigned event, EventMessage<?> message, @MetaDataValue(ACTOR) String actor) {
        if (processes.started(EXTERNAL_ACCESS, message.getIdentifier())) {
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("identityId", event.identityId().value());
        variables.put("endsAt", event.endsAt().toString());
        variables.put("noticeAt", grant.expiryNoticeAt(message.getTimestamp(), event.endsAt()).toString());
        causedBy(variables, actor);
        runtime.startProcessInstanceByKey(EXTERNAL_ACCESS, message.getIdentifier(), variables);
    }


    /** A revocation ends a waiting grant at once; a grant that is not waiting (ending already) ignores it. */
    @EventHandler
    void on(GrantRevoked event, @MetaDataValue(ACTOR) String actor) {
        Map<String, Object> variables = new HashMap<>();
        causedBy(variables, actor);
        runtime.createMessageCorrelation("GrantRevoked").processInstanceBusinessKey(event.grantId().value()).setVariables(variables)
                .correlateAll();
    }

    /**
     * An extension moved a grant's end: its lifecycle tells the target the new end now (its timers move when the old end
     * comes). Handled again (a replay of this processor), it provisions the same end again, which every connector
     * tolerates. A lifecycle started before it listened for extensions is moved to the latest model at start
     * (GrantLifecycleVersions); one that hears of an extension before it was moved does not tell its target, which then
     * keeps the old end: said in the log, as nothing else would show it.
     */
    @EventHandler
    void on(GrantExtended event, @MetaDataValue(ACTOR) String actor) {
        Map<String, Object> variables = new HashMap<>();
        causedBy(variables, actor);
        String grantId = event.grantId().value();
        boolean heard = !runtime.createMessageCorrelation("GrantExtended").processInstanceBusinessKey(grantId).setVariables(variables)
                .correlateAllWithResult().isEmpty();
        if (!heard && runtime.createProcessInstanceQuery().processDefinitionKey(GRANT_LIFECYCLE).processInstanceBusinessKey(grantId)
                .count() > 0) {
            log.warn("Grant {} was extended to {}, but its lifecycle runs on a model from before extensions: its target was not told"
                    + " the new end", grantId, event.validUntil());
        }
    }

    static void causedBy(Map<String, Object> variables, String actor) {
        if (actor != null) {
            variables.put(CausingActor.VARIABLE, actor);
        }
    }

}
