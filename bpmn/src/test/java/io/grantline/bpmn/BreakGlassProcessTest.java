package io.grantline.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * bpmn/break-glass.bpmn on a real engine, driven as the bridge drives it: started by key when a break-glass policy is
 * applied, its reviews decided by completing {@code decide} (the same task name as the access request's).
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "bpmn/break-glass.bpmn")
class BreakGlassProcessTest {

    private static final Instant REQUESTED_AT = Instant.parse("2025-03-14T02:00:00Z");
    private static final Duration REMIND_AFTER = Duration.ofHours(24);
    private static final Duration ESCALATE_AFTER = Duration.ofDays(3);
    private static final Duration A_MINUTE = Duration.ofMinutes(1);

    ProcessEngine engine;

    private RuntimeService runtimeService;
    private TaskService taskService;

    private StandIn grantAccess;
    private StandIn announceBreakGlass;
    private StandIn openApprovalStage;
    private StandIn notifyApprovers;
    private StandIn remindApprovers;
    private StandIn escalateApprovalStage;
    private StandIn revokeBreakGlassGrant;
    private StandIn notifyRequesterOfRejection;
    private final String[] reviews = {"RESOURCE_OWNER", "OT_SECURITY"};

    @BeforeEach
    void standInForTheDelegates() {
        BpmnAwareTests.init(engine);
        runtimeService = engine.getRuntimeService();
        taskService = engine.getTaskService();
        EngineClock.setNow(REQUESTED_AT);
        Mocks.register("approvalSchedule", Map.of("remindAfter", REMIND_AFTER.toString(), "escalateAfter", ESCALATE_AFTER.toString(),
                "timeOutAfter", "P7D"));
        grantAccess = StandIn.register("grantAccess", "requestId");
        announceBreakGlass = StandIn.register("announceBreakGlass", "requestId");
        openApprovalStage = StandIn.register("openApprovalStage", "loopCounter").doing(execution -> {
            execution.setVariableLocal("stage", reviews[((Number) execution.getVariable("loopCounter")).intValue()]);
            execution.setVariableLocal("approverIds", "olga");
        });
        notifyApprovers = StandIn.register("notifyApprovers", "stage");
        remindApprovers = StandIn.register("remindApprovers", "stage");
        escalateApprovalStage = StandIn.register("escalateApprovalStage", "stage");
        revokeBreakGlassGrant = StandIn.register("revokeBreakGlassGrant", "requestId");
        notifyRequesterOfRejection = StandIn.register("notifyRequesterOfRejection", "requestId", "rejectionReason");
    }

    @AfterEach
    void resetStandInsAndClock() {
        Mocks.reset();
        EngineClock.reset();
    }

    @Test
    void grantedAtOnceThenSecurityAndOwnerAreToldThenReviewedStageByStage() {
        ProcessInstance request = breakGlass("request-1");

        assertThat(grantAccess.seen("requestId")).containsExactly("request-1");
        assertThat(announceBreakGlass.seen("requestId")).containsExactly("request-1");
        assertThat(request).isWaitingAt("decide");
        assertThat(notifyApprovers.seen("stage")).containsExactly("RESOURCE_OWNER");

        decide(request, false);
        assertThat(notifyApprovers.seen("stage")).containsExactly("RESOURCE_OWNER", "OT_SECURITY");
        decide(request, false);

        assertThat(request).hasPassed("reviewedAndConfirmed").hasNotPassed("revokeBreakGlassGrant").isEnded();
        assertThat(grantAccess.callCount()).as("granted once, before any review").isEqualTo(1);
        assertThat(revokeBreakGlassGrant.wasCalled()).isFalse();
        assertThat(notifyRequesterOfRejection.wasCalled()).isFalse();
    }

    @Test
    void aRejectionInReviewRevokesTheGrantAndTellsTheRequesterWithoutAFurtherReview() {
        ProcessInstance request = breakGlass("request-2");

        decide(request, true);

        assertThat(request).hasPassed("revokeBreakGlassGrant", "tellRequesterOfRevocation", "revoked").isEnded();
        assertThat(revokeBreakGlassGrant.seen("requestId")).containsExactly("request-2");
        assertThat(notifyRequesterOfRejection.seen("rejectionReason")).containsExactly("APPROVER_REJECTED");
        assertThat(openApprovalStage.seen("loopCounter")).containsExactly(0);
    }

    @Test
    void aReviewNobodyMayDecideRevokesTheGrant() {
        openApprovalStage.doing(execution -> {
            execution.setVariable("rejected", true);
            execution.setVariable("rejectionReason", "NO_APPROVER");
        });
        ProcessInstance request = breakGlass("request-3");

        assertThat(request).hasPassed("stageRejected", "revokeBreakGlassGrant").hasNotPassed("notifyApprovers").isEnded();
    }

    @Test
    void aBreakGlassRefusedAtFilingIsNeitherAnnouncedNorReviewed() {
        grantAccess.doing(execution -> {
            execution.setVariable("rejected", true);
            execution.setVariable("rejectionReason", "BREAK_GLASS_LIMIT");
        });
        ProcessInstance request = breakGlass("request-4");

        assertThat(request).hasPassed("notifyRequesterOfRefusal", "notGranted").isEnded();
        assertThat(notifyRequesterOfRejection.seen("rejectionReason")).containsExactly("BREAK_GLASS_LIMIT");
        assertThat(announceBreakGlass.wasCalled()).isFalse();
        assertThat(openApprovalStage.wasCalled()).isFalse();
        assertThat(revokeBreakGlassGrant.wasCalled()).isFalse();
    }

    @Test
    void anUnansweredReviewIsRemindedThenEscalatedAndNeverTimesOut() {
        ProcessInstance request = breakGlass("request-5");

        EngineClock.setNow(REQUESTED_AT.plus(REMIND_AFTER).plus(A_MINUTE));
        executeDueJobs(request);
        assertThat(remindApprovers.seen("stage")).containsExactly("RESOURCE_OWNER");
        EngineClock.setNow(REQUESTED_AT.plus(ESCALATE_AFTER).plus(A_MINUTE));
        executeDueJobs(request);
        assertThat(escalateApprovalStage.seen("stage")).containsExactly("RESOURCE_OWNER");
        EngineClock.setNow(REQUESTED_AT.plus(Duration.ofDays(60)));
        executeDueJobs(request);

        assertThat(request).as("a review is mandatory: it waits, whatever the time").isWaitingAt("decide");
        assertThat(revokeBreakGlassGrant.wasCalled()).isFalse();
    }

    @Test
    void aRejectionThisProcessDidNotDecideRevokesAndTellsTheRequester() {
        ProcessInstance request = breakGlass("request-7");

        // as the bridge does on AccessRequestRejected: here a review whose reviewers all left, with nobody above them
        runtimeService.createMessageCorrelation("AccessRequestRejected").processInstanceBusinessKey("request-7")
                .setVariables(Map.of("rejected", true, "rejectionReason", "NO_APPROVER")).correlateAll();
        executeDueJobs(request);

        assertThat(request).hasPassed("revokeAfterRejection", "tellRequesterAfterRejection").isEnded();
        assertThat(revokeBreakGlassGrant.seen("requestId")).containsExactly("request-7");
        assertThat(notifyRequesterOfRejection.seen("rejectionReason")).containsExactly("NO_APPROVER");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(request.getId()).count()).as("no review left open").isZero();
    }

    @Test
    void theGrantCommitsBeforeSecurityIsToldSoANoticeThatFailsNeverHoldsItBack() {
        ProcessInstance request = runtimeService.startProcessInstanceByKey("break-glass", "request-8", variables("request-8"));
        announceBreakGlass.doing(execution -> {
            throw new IllegalStateException("nobody to tell");
        });

        assertThatThrownBy(() -> executeDueJobs(request)).hasMessageContaining("nobody to tell");

        assertThat(grantAccess.callCount()).as("the grant's job committed on its own").isEqualTo(1);
        assertThat(request).as("granted, then retrying to tell security").isWaitingAt("announceBreakGlass");
    }

    @Test
    void aCancellationBeforeTheGrantEndsTheProcessWithoutAGrant() {
        ProcessInstance request = runtimeService.startProcessInstanceByKey("break-glass", "request-6", variables("request-6"));
        runtimeService.createMessageCorrelation("AccessRequestCancelled").processInstanceBusinessKey("request-6").correlateAll();

        assertThat(request).hasPassed("cancelled").isEnded();
        assertThat(grantAccess.wasCalled()).isFalse();
    }

    /** As the bridge starts it, then the job executor: the grant's job runs, and the first review opens in it. */
    private ProcessInstance breakGlass(String requestId) {
        ProcessInstance request = runtimeService.startProcessInstanceByKey("break-glass", requestId, variables(requestId));
        assertThat(request).as("the bridge's transaction grants nothing").isWaitingAt("grantAtOnce");
        assertThat(grantAccess.wasCalled()).isFalse();
        executeDueJobs(request);
        return request;
    }

    private Map<String, Object> variables(String requestId) {
        return Variables.createVariables().putValue("requestId", requestId).putValue("stageCount", reviews.length)
                .putValue("rejected", false);
    }

    private void decide(ProcessInstance request, boolean rejected) {
        Task task = taskService.createTaskQuery().processInstanceId(request.getId()).taskDefinitionKey("decide").singleResult();
        assertThat(task.getName()).as("the bridge finds a decision's task by this name").startsWith("Decide on the request, stage ");
        taskService.complete(task.getId(), rejected
                ? Map.of("rejected", true, "rejectionReason", "APPROVER_REJECTED") : Map.of("rejected", false));
        executeDueJobs(request);
    }

    private int executeDueJobs(ProcessInstance request) {
        return EngineClock.executeDueJobs(engine.getManagementService(), request.getId());
    }
}
